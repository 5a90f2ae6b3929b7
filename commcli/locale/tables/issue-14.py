"""Vietnamese for the messages of issue 14 (`commcli say`, spoken form of text)."""

T = {
    "'{token}' has no known reading and is spelled letter by letter.":
        "'{token}' chưa có cách đọc nên được đánh vần từng chữ cái.",
    "Add it to a glossary entry: abbreviations: [{{abbr: {token}, spoken: …}}].":
        "Thêm cách đọc vào một mục thuật ngữ: abbreviations: [{{abbr: {token}, spoken: …}}].",
    "'{token}' in a web or e-mail address is read as written.":
        "'{token}' trong địa chỉ trang web hoặc thư điện tử được đọc nguyên như chữ viết.",
    "Check how it sounds; write the address out in words if the listeners must type it.":
        "Hãy nghe thử; nếu bà con cần gõ lại địa chỉ thì viết địa chỉ đó ra bằng lời.",
    "Characters the voice cannot read were left out.":
        "Đã bỏ qua các ký tự mà giọng đọc không đọc được.",
    "Remove control characters, or write that part in Vietnamese.":
        "Hãy xóa các ký tự điều khiển, hoặc viết phần đó bằng tiếng Việt.",
    "File not found: {path}": "Không tìm thấy tệp: {path}",
    "Cannot read {path}: {reason}": "Không đọc được {path}: {reason}",
    "The file is not valid UTF-8; unreadable bytes were replaced.":
        "Tệp không đúng mã UTF-8; các byte không đọc được đã được thay thế.",
    "Save the file as UTF-8 (in Notepad: Save as, Encoding UTF-8).":
        "Hãy lưu tệp theo mã UTF-8 (trong Notepad: Save as, chọn Encoding UTF-8).",
    "There is no text to read.": "Không có chữ nào để đọc.",
    "{path} has no text to read.": "{path} không có chữ nào để đọc.",
    "Give the text in quotes: commcli say \"Thưa bà con…\", or a file with --file.":
        "Hãy ghi câu cần đọc trong ngoặc kép: commcli say \"Thưa bà con…\", hoặc chỉ ra tệp bằng --file.",
    "No voice speaks {lang}.": "Chưa có giọng đọc máy cho tiếng {lang}.",
    "H'Mông, Thái and Khơ Mú are read from human recordings.":
        "Tiếng H'Mông, Thái và Khơ Mú dùng bản ghi âm giọng người.",
    "Read by '{engine}' instead.": "Đã dùng giọng '{engine}' thay thế.",
    "Print text as the voice will read it (numbers, dates, abbreviations in words); "
    "-o writes it as an MP3 in the workspace's voice.":
        "In ra câu chữ đúng như giọng đọc sẽ đọc (số, ngày tháng, chữ viết tắt đều thành lời); "
        "-o ghi thành tệp MP3 bằng giọng đọc của xã.",
    "The text to read (in quotes).": "Câu chữ cần đọc (trong ngoặc kép).",
    "Read the text from a UTF-8 file, line by line ('-' for standard input).":
        "Đọc câu chữ từ một tệp UTF-8, từng dòng một ('-' để đọc từ đầu vào chuẩn).",
    "Also write the speech as an MP3 with the workspace's voice and loudness.":
        "Ghi thêm lời đọc thành tệp MP3 với giọng đọc và độ lớn âm thanh của xã.",
    "Language of the text and of the voice (default vi).": "Ngôn ngữ của câu chữ và của giọng đọc (mặc định vi).",
    "Give either TEXT or --file FILE.": "Hãy cho câu chữ (TEXT) hoặc một tệp (--file FILE), chỉ một trong hai.",
    "Example: commcli say \"Họp lúc 14h30 ngày 5/12\"": "Ví dụ: commcli say \"Họp lúc 14h30 ngày 5/12\"",
    "Unknown language '{lang}'.": "Không biết ngôn ngữ '{lang}'.",
    "The output {path} is the input file; choose another name.":
        "Tệp ra {path} trùng với tệp vào; hãy chọn tên khác.",
    "Wrote {path} ({seconds:.1f} s).": "Đã ghi {path} ({seconds:.1f} giây).",
}
