"""Vietnamese for the messages of issue 16 (week page, preview, share pack)."""

T = {
    "The week at a glance, to look and listen before air: {path}": "Trang xem nhanh cả tuần, để xem và nghe thử trước khi phát: {path}",
    "No week has been built yet, so there is no page to show.": "Chưa dựng tuần nào nên chưa có trang để xem.",
    "Build a week first: commcli bulletin build bulletins/<week>.yaml": "Hãy dựng một tuần trước: commcli bulletin build bulletins/<tuần>.yaml",
    "'{week}' is not an ISO week like 2026-W48.": "'{week}' không phải là tuần ISO dạng 2026-W48.",
    "Give the week as 2026-W48, or the bulletin file bulletins/2026-W48.yaml.": "Ghi tuần dạng 2026-W48, hoặc tên tệp bản tin bulletins/2026-W48.yaml.",
    "Week {week} has no page yet: {path} does not exist.": "Tuần {week} chưa có trang: không có tệp {path}.",
    "Build it first: commcli bulletin build bulletins/{week}.yaml": "Hãy dựng tuần này trước: commcli bulletin build bulletins/{week}.yaml",
    "Open a built week's page (out/<week>/index.html) in the browser; print its path where there is no browser.":
        "Mở trang xem nhanh của một tuần đã dựng (out/<tuần>/index.html) trong trình duyệt; nếu máy không có trình duyệt thì in đường dẫn.",
    "ISO week, e.g. 2026-W48, or its bulletin file (default: the latest built week).":
        "Tuần ISO, ví dụ 2026-W48, hoặc tệp bản tin của tuần đó (mặc định: tuần dựng gần nhất).",
    "Only print the page's path; do not open a browser.": "Chỉ in đường dẫn của trang, không mở trình duyệt.",
    "Opened in the browser: {path}": "Đã mở trong trình duyệt: {path}",
}
