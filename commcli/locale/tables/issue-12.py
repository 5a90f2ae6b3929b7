"""Vietnamese for issue 12: click/typer's own words, placeholders, plain validation and YAML messages."""

T = {
    # click / typer
    "Arguments": "Đối số",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "required": "bắt buộc",
    "default: {default}": "mặc định: {default}",
    "(dynamic)": "(tự tính)",
    "env var: {var}": "biến môi trường: {var}",
    "Missing command.": "Thiếu tên lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Aborted!": "Đã dừng.",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "<text>": "<chữ>",
    "<number>": "<số>",
    "<path>": "<đường-dẫn>",
    "<file>": "<tệp>",
    "<folder>": "<thư-mục>",
    "<yes/no>": "<có/không>",
    "<date>": "<ngày>",
    "[OPTIONS]": "[TÙY_CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI_SỐ]...",
    "Usage: ": "Cách dùng: ",
    "'{value}' is not one of {choices}.": "'{value}' không phải một trong các giá trị: {choices}.",
    "'{value}' is not a whole number.": "'{value}' không phải số nguyên.",
    "'{value}' is not a number.": "'{value}' không phải là số.",
    "'{value}' is not yes/no (true/false).": "'{value}' không phải có/không (true/false).",
    "'{value}' does not exist.": "'{value}' không tồn tại.",
    "'{value}' is a folder, not a file.": "'{value}' là thư mục, không phải tệp.",
    "'{value}' is a file, not a folder.": "'{value}' là tệp, không phải thư mục.",
    "'{value}' does not have the form {choices}.": "'{value}' không đúng dạng {choices}.",
    "Unexpected extra words on the command line: {value}.": "Thừa từ trên dòng lệnh: {value}.",
    "The option {value} needs a value after it.": "Tùy chọn {value} cần một giá trị viết ngay sau.",
    "The option {value} needs {choices} values after it.": "Tùy chọn {value} cần {choices} giá trị viết ngay sau.",
    "The option {value} takes no value.": "Tùy chọn {value} không nhận giá trị.",
    "{value} takes {choices} values.": "{value} nhận {choices} giá trị.",
    "Did you mean {names}?": "Có phải bạn muốn gõ {names}?",
    "Missing argument {name}.": "Thiếu đối số {name}.",
    "Missing option {name}.": "Thiếu tùy chọn {name}.",
    "Choose one of: {choices}.": "Chọn một trong: {choices}.",
    "No such option: {name}.": "Không có tùy chọn {name}.",
    "Invalid value for {name}: {reason}": "Giá trị không hợp lệ cho {name}: {reason}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn bằng lệnh '{command} {option}'.",
    "Cannot open the file '{file}': {reason}": "Không mở được tệp '{file}': {reason}",
    "Error: {message}": "Lỗi: {message}",
    # placeholders of our own arguments
    "FOLDER": "THƯ_MỤC",
    "BULLETIN": "BẢN_TIN",
    "FORM": "BIỂU_MẪU",
    "WORDS": "TỪ_CẦN_TÌM",
    "FILE": "TỆP",
    "Create a new workspace in FOLDER with a working sample commune.": "Tạo thư mục làm việc mới tại THƯ_MỤC với dữ liệu mẫu của một xã.",
    "Go to your workspace folder, give it with --workspace DIR, or create one with 'commcli init DIR'.":
        "Hãy vào thư mục làm việc, chỉ ra bằng --workspace THƯ_MỤC, hoặc tạo mới bằng 'commcli init THƯ_MỤC'.",
    # YAML syntax, explained
    "A ':' followed by a space inside a text: YAML reads it as a second key on the same line.":
        "Có dấu ':' và khoảng trắng nằm giữa một đoạn chữ: YAML hiểu nhầm là một khóa thứ hai trên cùng dòng.",
    "A text cannot start with '{char}' without quotes.": "Đoạn chữ không được bắt đầu bằng '{char}' nếu không có ngoặc kép.",
    "Add the closing {quote} at the end of the text.": "Thêm dấu {quote} đóng ở cuối đoạn chữ.",
    "Check the day and the month (e.g. February has 28 or 29 days).": "Xem lại ngày và tháng (ví dụ tháng 2 chỉ có 28 hoặc 29 ngày).",
    "Close it with {close} on the same line, or put the whole text in quotes if the {open} is part of it.":
        "Đóng lại bằng {close} trên cùng dòng, hoặc đặt cả đoạn chữ trong ngoặc kép nếu {open} là một phần của chữ.",
    "Indent the '-' like the other items of the same list.": "Thụt lề dấu '-' giống các mục khác của cùng danh sách.",
    "Indent the '-' like the other items of the same list: start it in column {column}, as on line {line}.":
        "Thụt lề dấu '-' giống các mục khác của cùng danh sách: bắt đầu ở cột {column}, như dòng {line}.",
    "Keys of one block start in the same column; compare with line {line} (column {column}).":
        "Các khóa của cùng một khối phải bắt đầu ở cùng một cột; so với dòng {line} (cột {column}).",
    "Put the whole text in quotes, e.g. {example}": "Đặt cả đoạn chữ trong ngoặc kép, ví dụ {example}",
    "Put the whole text in quotes.": "Đặt cả đoạn chữ trong ngoặc kép.",
    "Start it in the same column as the other keys of its block (line {line} starts in column {column}).":
        "Cho dòng này bắt đầu ở cùng cột với các khóa khác của khối (dòng {line} bắt đầu ở cột {column}).",
    "The indentation of this line does not match the lines above.": "Dòng này thụt lề không khớp với các dòng phía trên.",
    "The layout of the file (YAML) is broken here.": "Cấu trúc của tệp (YAML) bị hỏng ở chỗ này.",
    "The quote {quote} opened here is never closed.": "Dấu {quote} mở ở đây không được đóng lại.",
    "The {open} opened here is not closed with {close}.": "Dấu {open} mở ở đây không được đóng bằng {close}.",
    "This line has no ':' after its key.": "Dòng này thiếu dấu ':' sau tên khóa.",
    "This line is indented more than the line above, so it does not belong to any block.":
        "Dòng này thụt lề sâu hơn dòng trên nên không thuộc khối nào.",
    "This list item ('-') is not at the level of its list.": "Mục danh sách này (dấu '-') không thẳng hàng với danh sách của nó.",
    "Write 'key: value'. If the line continues the text above, indent it under that text or put the text in quotes.":
        "Viết dạng 'khóa: giá trị'. Nếu dòng này là phần tiếp của đoạn chữ phía trên, hãy thụt lề vào dưới đoạn chữ đó hoặc đặt đoạn chữ trong ngoặc kép.",
    # validation, plain
    "The value is too long.": "Giá trị quá dài.",
    "This date does not exist in the calendar.": "Ngày này không có trên lịch.",
    "This value cannot be used here.": "Giá trị này không dùng được ở đây.",
    "Write one of the allowed values (the Vietnamese words, e.g. 'khẩn cấp' for khan-cap, are accepted too).":
        "Ghi một trong các giá trị được phép (viết bằng chữ tiếng Việt cũng được, ví dụ 'khẩn cấp' cho khan-cap).",
    "a real date like 2026-11-30 (year-month-day)": "một ngày có thật, như 2026-11-30 (năm-tháng-ngày)",
    "The {slot} programme in {language} has nothing to air: it is left out.":
        "Chương trình {slot} ({language}) không có gì để phát nên được bỏ qua.",
    # check: errors first, then a short to-do
    "Glossary terms": "Thuật ngữ chưa dịch",
    "Language": "Ngôn ngữ",
    "List every warning one by one, with the summary per area, instead of the short to-do.":
        "Liệt kê từng cảnh báo một, kèm bảng tổng hợp theo phần, thay cho danh sách việc cần làm ngắn gọn.",
    "Not approved": "Chưa duyệt",
    "The workspace has errors to fix (listed above).": "Thư mục làm việc còn lỗi cần sửa (liệt kê ở trên).",
    "To do:": "Việc cần làm:",
    "(the same with {options})": "(làm tương tự với {options})",
    "To record": "Chưa ghi âm",
    "To translate": "Chưa dịch",
    "a native speaker reads the draft, then write 'status: approved' (with approved_by); 'commcli glossary check' lists the glossary notes for the reviewer.":
        "nhờ người bản ngữ đọc bản nháp, rồi ghi 'status: approved' (kèm approved_by); lệnh 'commcli glossary check' liệt kê các ghi chú thuật ngữ cho người rà soát.",
    "commcli glossary export --lang LANG -o terms-LANG.csv for the reviewer, then commcli glossary import terms-LANG.csv":
        "commcli glossary export --lang LANG -o thuat-ngu-LANG.csv gửi người rà soát, rồi commcli glossary import thuat-ngu-LANG.csv",
    "commcli recordings kit {bulletin} --lang LANG --only-missing, then commcli recordings import FOLDER":
        "commcli recordings kit {bulletin} --lang LANG --only-missing, rồi commcli recordings import THƯ_MỤC",
    "write the item's text in that language in the bulletin (a draft is fine); 'commcli check --all' names each item.":
        "viết văn bản của tin bằng ngôn ngữ đó trong tệp bản tin (bản nháp cũng được); lệnh 'commcli check --all' chỉ rõ từng tin.",
    "{where}: {count} more warning(s) like the ones above; 'commcli check --all' lists every one.":
        "{where}: còn {count} cảnh báo giống như trên; lệnh 'commcli check --all' liệt kê đầy đủ.",
    # bulletin new (comments written into the new week's file)
    "Add items below, each starting with '  - id: …' (two spaces before '-'), as in the README; an item copied from an earlier week can be pasted as it is.":
        "Thêm tin ở dưới đây, mỗi tin bắt đầu bằng '  - id: …' (hai dấu cách trước '-'), như trong README; tin chép từ tuần trước có thể dán nguyên như vậy.",
    "Started from {file} by 'commcli bulletin new': recurring items carried over.":
        "Tạo từ {file} bằng 'commcli bulletin new': đã mang sang các tin định kỳ.",
    "Print only the errors.": "Chỉ in các lỗi.",
}
