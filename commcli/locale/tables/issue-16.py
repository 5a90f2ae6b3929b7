"""Vietnamese for the messages of issue 16 (week page, preview, share pack)."""

T = {
    "The week at a glance, to look and listen before air: {path}": "Trang xem nhanh cả tuần, để xem và nghe thử trước khi phát: {path}",
}
