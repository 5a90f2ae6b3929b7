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
    'A file could not be read or written: {what}.':
        'Không đọc hoặc ghi được một tệp: {what}.',
    'Another commcli command is building or changing this workspace (process {pid}); nothing was changed.':
        'Một lệnh commcli khác đang dựng hoặc sửa thư mục làm việc này (tiến trình {pid}); chưa có gì bị thay đổi.',
    'Cannot use {path}: {what}.':
        'Không dùng được {path}: {what}.',
    'Check the path and run the command again.':
        'Hãy kiểm tra lại đường dẫn rồi chạy lại lệnh.',
    'Check the path and the disk, then run the command again.':
        'Hãy kiểm tra đường dẫn và ổ đĩa, rồi chạy lại lệnh.',
    'Choose a folder you can write to (for example with -o), or make the disk writable.':
        'Hãy chọn một thư mục ghi được (ví dụ bằng -o), hoặc cho phép ghi trên ổ đĩa đó.',
    'Close other programs and run the command again.':
        'Hãy đóng bớt các chương trình khác rồi chạy lại lệnh.',
    'Delete the link (the cache is rebuilt), then run the command again.':
        'Hãy xoá liên kết đó (bộ nhớ đệm sẽ được tạo lại), rồi chạy lại lệnh.',
    'Free some space (or choose an output folder on another disk), then run the command again.':
        'Hãy giải phóng bớt dung lượng (hoặc chọn thư mục kết quả trên ổ đĩa khác), rồi chạy lại lệnh.',
    'Give a file, not a folder.':
        'Hãy chỉ ra một tệp, không phải thư mục.',
    'Give your user the right to read and write there, or choose another folder.':
        'Hãy cấp cho tài khoản của anh/chị quyền đọc và ghi ở đó, hoặc chọn thư mục khác.',
    'Nothing damaged was used. If this keeps happening, check the disk.':
        'Không dùng phần nào bị hỏng. Nếu việc này cứ lặp lại, hãy kiểm tra ổ đĩa.',
    'Nothing half-written was left; earlier outputs are unchanged.':
        'Không để lại tệp ghi dở; các kết quả trước vẫn giữ nguyên.',
    'Nothing of the previous build was changed. Run the command again; if it fails again, check the disk and the ffmpeg installation.':
        'Bản dựng trước không bị thay đổi. Hãy chạy lại lệnh; nếu vẫn lỗi, hãy kiểm tra ổ đĩa và bản cài đặt ffmpeg.',
    "Raise the limit ('ulimit -f unlimited') or write to another disk, then run the command again.":
        "Hãy nâng giới hạn ('ulimit -f unlimited') hoặc ghi sang ổ đĩa khác, rồi chạy lại lệnh.",
    'Remove the links and run the command again.':
        'Hãy xoá các liên kết đó rồi chạy lại lệnh.',
    'Wait until it has finished, then run the command again.':
        'Hãy chờ lần dựng đó xong rồi chạy lại lệnh.',
    'a part of the path is not a folder':
        'một phần của đường dẫn không phải là thư mục',
    'ffmpeg could not write {path}: {reason}':
        'ffmpeg không ghi được {path}: {reason}',
    'it does not exist':
        'không tồn tại',
    'it goes through too many symbolic links':
        'đi qua quá nhiều liên kết tượng trưng',
    'it is a folder, not a file':
        'đây là thư mục, không phải tệp',
    'permission denied':
        'không có quyền truy cập',
    'the disk is full':
        'ổ đĩa đã đầy',
    'the file is larger than this system allows (file-size limit)':
        'tệp lớn hơn mức hệ thống cho phép (giới hạn kích thước tệp)',
    'the folder is on a read-only disk':
        'thư mục nằm trên ổ đĩa chỉ đọc',
    'the system ran out of resources':
        'hệ thống đã hết tài nguyên',
    'the system refused the operation':
        'hệ thống từ chối thao tác này',
    '{path} is a symbolic link; commcli keeps its cache inside the workspace and does not follow it.':
        '{path} là một liên kết tượng trưng; commcli giữ bộ nhớ đệm trong thư mục làm việc và không đi theo liên kết này.',
    'Damaged cache entries rendered again: {count} (in {folder}).':
        'Đã tạo lại các mục hỏng trong bộ nhớ đệm: {count} (trong {folder}).',
    "'%' formatting is not available in templates; use the filters":
        "không dùng được định dạng '%' trong mẫu tin; hãy dùng các bộ lọc",
    'An alias (*name) refers to the block that contains it.':
        'Một bí danh (*tên) trỏ tới chính khối chứa nó.',
    "Break the text into several lines (YAML '|' blocks keep them).":
        "Hãy ngắt văn bản thành nhiều dòng (khối '|' của YAML giữ nguyên các dòng).",
    'Give a file saved on the disk.':
        'Hãy chỉ ra một tệp được lưu trên ổ đĩa.',
    'Line {line} is longer than {limit} characters; commcli does not read such files.':
        'Dòng {line} dài hơn {limit} ký tự; commcli không đọc tệp như vậy.',
    'Replace the link by a copy of the file.':
        'Hãy thay liên kết bằng một bản sao của tệp.',
    'Split the file into smaller ones, or check that it is the right file.':
        'Hãy chia tệp thành các tệp nhỏ hơn, hoặc kiểm tra xem có đúng tệp không.',
    "Template '{name}' ({lang}): a macro calls itself without end.":
        "Mẫu tin '{name}' ({lang}): một macro tự gọi lại chính nó không dừng.",
    'Templates fill in values; remove the recursive macro.':
        'Mẫu tin chỉ để điền giá trị; hãy bỏ macro tự gọi lại đó.',
    'The file holds more than {limit} values once its aliases (*name) are expanded.':
        'Tệp có hơn {limit} giá trị khi triển khai các bí danh (*tên).',
    'The file nests lists and mappings more than {limit} levels deep.':
        'Tệp lồng danh sách và khối khoá–giá trị sâu quá {limit} tầng.',
    'This is not a regular file (a device, a pipe or a socket).':
        'Đây không phải tệp thông thường (mà là thiết bị, đường ống hoặc socket).',
    'Write the values out flat, as in the examples.':
        'Hãy ghi các giá trị ra phẳng, như trong các ví dụ.',
    'Write the values out instead of repeating aliases.':
        'Hãy ghi các giá trị ra thay vì lặp lại bí danh.',
    'Write the values out instead of the alias.':
        'Hãy ghi các giá trị ra thay cho bí danh.',
    'a text':
        'một văn bản',
    'a text or list':
        'một văn bản hoặc danh sách',
    'the template builds {what} larger than commcli allows':
        'mẫu tin tạo ra {what} quá lớn so với mức commcli cho phép',
    'the template took longer than {seconds} s':
        'mẫu tin chạy lâu quá {seconds} giây',
    '{path} is a symbolic link that leads out of the layout folder; commcli does not follow it.':
        '{path} là liên kết tượng trưng dẫn ra ngoài thư mục bố cục; commcli không đi theo liên kết này.',
    '{path} is larger than commcli accepts for this kind of file ({limit} MB).':
        '{path} lớn hơn mức commcli chấp nhận cho loại tệp này ({limit} MB).',
    '{path} is not a regular file (it is a device, a pipe or a socket); commcli reads only files.':
        '{path} không phải tệp thông thường (mà là thiết bị, đường ống hoặc socket); commcli chỉ đọc tệp.',
    "An id may use only lowercase letters a-z, digits, '-' and '_' (no spaces or accents), at most {limit} characters: '{value}'.":
        "Mã (id) chỉ được dùng chữ thường a-z, chữ số, '-' và '_' (không dấu cách, không dấu tiếng Việt), tối đa {limit} ký tự: '{value}'.",
    'MP3 supports these sample rates only: {rates} Hz.':
        'MP3 chỉ hỗ trợ các tần số lấy mẫu sau: {rates} Hz.',
    'Merge them into one file and delete the other.':
        'Hãy gộp chúng thành một tệp và xoá tệp còn lại.',
    "The voice '{voice}' is not one of the voices of '{engine}' for {lang}.":
        "Giọng '{voice}' không phải là một giọng của '{engine}' cho {lang}.",
    "Write one of the voices listed, or leave 'voice:' out for the default.":
        "Hãy ghi một trong các giọng đã liệt kê, hoặc bỏ 'voice:' để dùng giọng mặc định.",
    "{file} and {twin} define the same '{name}'; only one may exist.":
        "{file} và {twin} cùng định nghĩa '{name}'; chỉ được có một tệp.",
    '{path} is a symbolic link that leads out of the workspace; commcli does not follow it.':
        '{path} là liên kết tượng trưng dẫn ra ngoài thư mục làm việc; commcli không đi theo liên kết này.',
}
