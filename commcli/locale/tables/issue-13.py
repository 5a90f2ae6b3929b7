"""Vietnamese for the messages added by issue 13 (honest multilingual content)."""

T = {
    "no label is translated into this language yet; not printed":
        "chưa có nhãn nào được dịch sang ngôn ngữ này; không in",
}
T.update({
    "Form labels": "Nhãn biểu mẫu",
    "form labels are glossary terms (glossary/bieu-mau.yaml): the same export and import closes them; 'commcli check --all' names each label.":
        "nhãn biểu mẫu là thuật ngữ (glossary/bieu-mau.yaml): xuất và nhập thuật ngữ như trên là xong; 'commcli check --all' chỉ rõ từng nhãn.",
})
