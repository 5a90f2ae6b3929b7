"""Vietnamese for the messages added by issue #17 (large batches, volumes, workers, province runs)."""

T = {
    "--jobs must be 1 or more (the number of worker processes); {value} was given.":
        "--jobs phải từ 1 trở lên (số tiến trình làm việc); đã ghi {value}.",
    "Leave it out to use one worker per core.":
        "Bỏ tùy chọn này để dùng một tiến trình cho mỗi lõi CPU.",
    "--volume-size must be 1 or more (forms per file); {value} was given.":
        "--volume-size phải từ 1 trở lên (số biểu mẫu mỗi tệp); đã ghi {value}.",
    "--volume-size needs -o FILE.pdf: the volumes are named after it (FILE-001.pdf…).":
        "--volume-size cần có -o TỆP.pdf: các tập được đặt tên theo tệp đó (TỆP-001.pdf…).",
    "Wrote {count} volume(s), {first} … {last}: {copies} form(s), {pages} page(s).":
        "Đã ghi {count} tập, {first} … {last}: {copies} biểu mẫu, {pages} trang.",
    "Worker processes typesetting a large batch (default: one per core).":
        "Số tiến trình dàn trang cho một lô lớn (mặc định: mỗi lõi CPU một tiến trình).",
    "Write -o as numbered files of at most this many forms each (FILE-001.pdf, FILE-002.pdf…), e.g. for a print shop.":
        "Ghi -o thành nhiều tệp đánh số, mỗi tệp nhiều nhất bấy nhiêu biểu mẫu (TỆP-001.pdf, TỆP-002.pdf…), "
        "ví dụ để gửi cửa hàng in.",
    "The layout template {name} does not mark where each copy starts, and its copies are not one page each: "
    "the batch cannot be split.":
        "Mẫu dàn trang {name} không đánh dấu chỗ bắt đầu của từng bản, mà mỗi bản lại không phải đúng một trang: "
        "không thể tách lô này thành từng tệp.",
    "Put '#context [#metadata(here().page()) <commcli-copy>]' at the start of each copy, as "
    "templates/forms/layout.typ does.":
        "Đặt '#context [#metadata(here().page()) <commcli-copy>]' ở đầu mỗi bản, như templates/forms/layout.typ.",
    "Cannot write the forms: {reason}": "Không ghi được biểu mẫu: {reason}",
    "copies {first}–{last}": "các bản {first}–{last}",
    "it was stopped by signal {signal}": "nó bị dừng bởi tín hiệu {signal}",
    "the process running the workers stopped": "tiến trình điều khiển các tiến trình làm việc đã dừng",
    "it exited with code {code}": "nó thoát với mã {code}",
    "A worker process typesetting {copies} stopped before it finished ({reason}); nothing was written.":
        "Một tiến trình đang dàn trang {copies} đã dừng trước khi xong ({reason}); chưa ghi tệp nào.",
    "If the machine ran out of memory, run again with fewer workers (--jobs 1).":
        "Nếu máy hết bộ nhớ, hãy chạy lại với ít tiến trình hơn (--jobs 1).",
    "Name at least one commune workspace folder.": "Hãy ghi ít nhất một thư mục làm việc của xã.",
    "not a commune workspace: there is no commune.yaml": "không phải thư mục làm việc của xã: không có commune.yaml",
    "there is no bulletins/{week}.yaml": "không có bulletins/{week}.yaml",
    "there is no bulletin in bulletins/": "không có bản tin nào trong bulletins/",
    "Many communes at once (a district or province office): build every workspace's week.":
        "Nhiều xã cùng lúc (cho huyện hoặc tỉnh): dựng bản tin tuần của từng thư mục làm việc.",
    "Build the week of each commune workspace given, a few at a time, then list which communes failed and why "
    "(exit 1 if any did).":
        "Dựng bản tin tuần của từng xã được chỉ ra, vài xã một lúc, rồi liệt kê xã nào bị lỗi và vì sao "
        "(thoát với mã 1 nếu có xã lỗi).",
    "WORKSPACE…": "THƯ_MỤC…",
    "Commune workspace folders, e.g. xa/*/.": "Các thư mục làm việc của xã, ví dụ xa/*/.",
    "ISO week, e.g. 2026-W48 (default: each workspace's latest bulletin).":
        "Tuần theo ISO, ví dụ 2026-W48 (mặc định: bản tin mới nhất của từng thư mục).",
    "Release builds: refuse drafts and unapproved content.":
        "Bản phát hành: từ chối bản nháp và nội dung chưa được duyệt.",
    "Communes built at the same time (default: one per core).":
        "Số xã được dựng cùng lúc (mặc định: mỗi lõi CPU một xã).",
    "  ✓ {commune} ({seconds:.0f} s)": "  ✓ {commune} ({seconds:.0f} giây)",
    "  ✗ {commune}": "  ✗ {commune}",
    "{built} of {total} commune(s) built.": "Đã dựng {built}/{total} xã.",
    "Failed:": "Bị lỗi:",
    "exit code": "mã thoát",
    "it contains an invisible character (U+{code:04X}{name}) that can hide or reverse text on the printed form; retype the value":
        "có ký tự ẩn (U+{code:04X}{name}) có thể làm ẩn hoặc đảo ngược chữ trên tờ khai khi in; hãy gõ lại giá trị này",
    "the letter '{cluster}' carries two tone marks; retype the word":
        "chữ '{cluster}' mang hai dấu thanh; hãy gõ lại từ này",
    "the form's fonts cannot print {chars}: it would show as an empty box":
        "phông chữ của biểu mẫu không in được {chars}: khi in sẽ thành ô trống",
    "An invisible or control character (U+{code:04X}{name}) is in the text: it can hide or reverse what the text says.":
        "Trong văn bản có ký tự ẩn hoặc ký tự điều khiển (U+{code:04X}{name}): nó có thể làm ẩn hoặc đảo ngược nội dung.",
    "Delete it (in Notepad++: View > Show Symbol > Show All Characters shows where it is), or retype the line.":
        "Hãy xoá ký tự đó (trong Notepad++: View > Show Symbol > Show All Characters để thấy chỗ của nó), hoặc gõ lại dòng này.",
    "Rows {first}–{last}: {count} rows share the value '{value}' of '{column}' (one household); a form lists at most {limit}.":
        "Các dòng {first}–{last}: {count} dòng có cùng giá trị '{value}' ở cột '{column}' (một hộ); một tờ khai chỉ liệt kê tối đa {limit} người.",
    "Check the column: rows of different households may have been given the same code.":
        "Kiểm tra lại cột này: có thể các dòng của những hộ khác nhau đã bị ghi cùng một mã.",
    "this is the spreadsheet's number for a date ({date}), not the date; format the column as Text and write dd/mm/yyyy":
        "đây là con số bảng tính dùng để lưu ngày ({date}), không phải ngày; hãy định dạng cột là Văn bản (Text) và ghi ngày dạng dd/mm/yyyy",
    "the year needs four digits, e.g. 05/03/2020":
        "năm phải ghi đủ bốn chữ số, ví dụ 05/03/2020",
    "the spreadsheet turned the number into a rounded one (like 1.1E+11) and lost its last digits; format the column as Text and type the numbers again":
        "bảng tính đã đổi số thành số làm tròn (dạng 1.1E+11) và làm mất các chữ số cuối; hãy định dạng cột là Văn bản (Text) rồi gõ lại các số",
    "the number was saved as a decimal (ending in .0); format the column as Text":
        "số đã bị lưu thành số thập phân (có đuôi .0); hãy định dạng cột là Văn bản (Text)",
    "a personal ID number has 12 digits and this one has 11: the spreadsheet probably dropped the leading 0; format the column as Text and write it with its 0":
        "số định danh cá nhân có 12 chữ số nhưng số này chỉ có 11: có lẽ bảng tính đã bỏ mất số 0 ở đầu; hãy định dạng cột là Văn bản (Text) và ghi lại cả số 0",
    "a Vietnamese phone number starts with 0: the spreadsheet probably dropped it; format the column as Text and write the number with its 0":
        "số điện thoại Việt Nam bắt đầu bằng số 0: có lẽ bảng tính đã bỏ mất số 0; hãy định dạng cột là Văn bản (Text) và ghi lại cả số 0",
    "--jobs {asked}: this machine has {cores} core(s); {used} workers are used.":
        "--jobs {asked}: máy này có {cores} nhân; commcli dùng {used} tiến trình.",
    "Typesetting the forms": "Đang dàn trang các tờ khai",
    "… and {count} more error(s) not shown (the first {shown} are above).":
        "… và còn {count} lỗi khác không in ra ({shown} lỗi đầu tiên ở trên).",
    "… and {count} more error(s); 'commcli check --all' lists every one.":
        "… và còn {count} lỗi khác; lệnh 'commcli check --all' liệt kê đầy đủ.",
    "Rows 1–{last} above the header row are not data (a title?); they are skipped.":
        "Các dòng 1–{last} phía trên dòng tiêu đề cột không phải dữ liệu (tên bảng?); đã bỏ qua.",
    "The file is not an Excel workbook commcli can read ({reason}).":
        "Tệp không phải sổ tính Excel mà commcli đọc được ({reason}).",
    "Open it in Excel or LibreOffice and save it again as .xlsx, or as CSV UTF-8.":
        "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx, hoặc dạng CSV UTF-8.",
    "Save the spreadsheet as Excel (.xlsx) or CSV (UTF-8), or write a YAML file.":
        "Lưu bảng tính dạng Excel (.xlsx) hoặc CSV (UTF-8), hoặc viết tệp YAML.",
    "The answers: an Excel workbook (.xlsx) or CSV, one person per row, or YAML (one person or a list).":
        "Các câu trả lời: sổ tính Excel (.xlsx) hoặc CSV, mỗi người một dòng, hoặc YAML (một người hoặc một danh sách).",
    "The form's columns are on the sheet '{sheet}' of the workbook: that sheet is read.":
        "Các cột của biểu mẫu nằm ở trang '{sheet}' của sổ tính: commcli đọc trang đó.",
    "Write an Excel workbook to collect a form's data: its columns, typed so the spreadsheet keeps leading zeros and dates, with drop-down lists for choices.":
        "Tạo sổ tính Excel để thu thập dữ liệu cho biểu mẫu: đủ các cột, định dạng sẵn để bảng tính giữ số 0 ở đầu và ngày tháng, có danh sách chọn cho các câu hỏi lựa chọn.",
    "The workbook to write (.xlsx).": "Sổ tính cần ghi (.xlsx).",
    "Wrote {path}: fill one row per person, then: commcli form render {form} --data {path} --lang LANG -o FILE.pdf":
        "Đã ghi {path}: điền mỗi người một dòng, rồi chạy: commcli form render {form} --data {path} --lang MÃ_NGÔN_NGỮ -o TỆP.pdf",
    "12 digits, e.g. 011090123456": "12 chữ số, ví dụ 011090123456",
    "dd/mm/yyyy, e.g. 05/03/2020": "ngày/tháng/năm, ví dụ 05/03/2020",
    "0 and 9 digits, e.g. 0912345678": "số 0 và 9 chữ số, ví dụ 0912345678",
    "a number, e.g. 125 or 125,5": "một số, ví dụ 125 hoặc 125,5",
    "whole đồng, e.g. 1.500.000": "số đồng, ví dụ 1.500.000",
    "x to tick the box, empty otherwise": "ghi x để đánh dấu ô, để trống nếu không",
    "one of: {answers}": "một trong: {answers}",
    "text, at most {length} characters": "chữ, tối đa {length} ký tự",
    "text": "chữ",
    "Column": "Cột",
    "What it is": "Nội dung",
    "Required": "Bắt buộc",
    "What to write": "Cách ghi",
    "One row per person of the household; the household's rows share this code, the first row also has the form's own fields.":
        "Mỗi người trong hộ một dòng; các dòng của cùng một hộ ghi cùng mã này, dòng đầu tiên ghi thêm các trường của tờ khai.",
    "(required)": "(bắt buộc)",
    "yes": "có",
    "data workbook": "sổ tính thu thập dữ liệu",
    "data workbooks to fill: {path}": "sổ tính để điền dữ liệu: {path}",
    "commcli reads Excel workbooks saved as .xlsx, not '{suffix}'.":
        "commcli đọc sổ tính Excel lưu dạng .xlsx, không đọc được dạng '{suffix}'.",
    "Open it in Excel or LibreOffice and choose Save As: 'Excel Workbook (.xlsx)' or 'CSV UTF-8'.":
        "Mở tệp bằng Excel hoặc LibreOffice rồi chọn Lưu thành (Save As): 'Excel Workbook (.xlsx)' hoặc 'CSV UTF-8'.",
    "List the forms of the workspace with their field ids (the column names of a data file).":
        "Liệt kê các biểu mẫu của thư mục làm việc kèm mã trường (tên cột trong tệp dữ liệu).",
}
