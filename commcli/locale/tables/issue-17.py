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
}
