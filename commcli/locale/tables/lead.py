"""Vietnamese for messages changed by the lead at integration."""
T = {
    "The recording is clipped (distorted): {percent} of the sound is cut off at full scale.":
        "Bản ghi âm bị rè (méo tiếng): {percent} âm thanh bị cắt ở mức tối đa.",
    "{path} is a symbolic link to a file outside its folder; commcli does not follow it.":
        "{path} là một liên kết (symbolic link) tới tệp nằm ngoài thư mục của nó; commcli không đọc theo liên kết này.",
    "Copy the file itself into this folder (not a link), then run the command again.":
        "Hãy chép chính tệp đó (không phải liên kết) vào thư mục này, rồi chạy lại lệnh.",
}
