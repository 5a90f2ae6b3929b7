"""Vietnamese for the messages of issue #10 (outputs, workspace boundary, limits, faults)."""

T = {
    "Choose a new or empty folder, or move those files away first.":
        "Hãy chọn một thư mục mới hoặc trống, hoặc chuyển các tệp đó đi chỗ khác trước.",
    "Choose another file name, or move that file away first.":
        "Hãy chọn tên tệp khác, hoặc chuyển tệp đó đi chỗ khác trước.",
    "Choose another folder, or move that file away first.":
        "Hãy chọn thư mục khác, hoặc chuyển tệp đó đi chỗ khác trước.",
    "Give a file name, e.g. {example}.":
        "Hãy ghi tên một tệp, ví dụ {example}.",
    "Give a new or empty folder, for example out/forms/.":
        "Hãy ghi một thư mục mới hoặc trống, ví dụ out/forms/.",
    "Move those files elsewhere (or choose another folder), then run the command again.":
        "Hãy chuyển các tệp đó đi chỗ khác (hoặc chọn thư mục khác), rồi chạy lại lệnh.",
    "Refused to replace {path}: it is not a {kinds} file that commcli would write.":
        "Không ghi đè {path}: đây không phải tệp {kinds} do commcli tạo ra.",
    "Refused to write to {path}: it is (or holds) your own file {input}, which commcli only reads.":
        "Không ghi vào {path}: đó là (hoặc chứa) tệp của anh/chị {input}, commcli chỉ đọc tệp này.",
    "Refused to write to {path}: it is a folder.":
        "Không ghi vào {path}: đây là một thư mục.",
    "Refused to write to {path}: it is not a folder.":
        "Không ghi vào {path}: đây không phải là thư mục.",
    "Refused to write to {path}: it is the workspace folder or a folder above it.":
        "Không ghi vào {path}: đây là thư mục làm việc hoặc một thư mục chứa nó.",
    "Refused to write to {path}: it leads outside the workspace (through a symbolic link).":
        "Không ghi vào {path}: đường dẫn này đi ra ngoài thư mục làm việc (qua một liên kết tượng trưng).",
    "Remove the link, or choose the output folder with -o.":
        "Hãy xoá liên kết đó, hoặc chọn thư mục kết quả bằng -o.",
    "The folder {path} already holds files that commcli did not make; it is left untouched.":
        "Thư mục {path} đã có những tệp không do commcli tạo ra; commcli không động đến thư mục này.",
    "The folder {path} was made by commcli but now also holds other files ({files}); it is left untouched.":
        "Thư mục {path} do commcli tạo ra nhưng nay có thêm tệp khác ({files}); commcli không động đến thư mục này.",
    "Write outputs into out/ or another folder of your own, outside the input folders.":
        "Hãy ghi kết quả vào out/ hoặc một thư mục khác của anh/chị, nằm ngoài các thư mục dữ liệu đầu vào.",
}
