"""Vietnamese for the messages added by issue 13 (honest multilingual content)."""

T = {
    "no label is translated into this language yet; not printed":
        "chưa có nhãn nào được dịch sang ngôn ngữ này; không in",
}
