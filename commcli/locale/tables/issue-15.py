"""Vietnamese for the messages of issue #15 (official forms, appendix tables, labels really translated)."""

T = {
    "The {lang} translation of '{vi}' ({key}) is the Vietnamese text; it prints once, in Vietnamese.":
        "Bản dịch {lang} của '{vi}' ({key}) chính là chữ tiếng Việt; nhãn này chỉ in một lần, bằng tiếng Việt.",
    "Labels translated: {lang} {translated}/{total}":
        "Nhãn đã dịch: {lang} {translated}/{total}",
    "the others print once, in Vietnamese, marked * (not a finished bilingual form)":
        "các nhãn còn lại chỉ in một lần, bằng tiếng Việt, có dấu * (chưa phải tờ khai song ngữ hoàn chỉnh)",
    "{lang} {translated}/{total} labels translated":
        "{lang}: đã dịch {translated}/{total} nhãn",
    "incomplete: the rest prints in Vietnamese only":
        "chưa đủ: phần còn lại chỉ in tiếng Việt",
}
