"""Vietnamese for the messages added by issue #11 (voice bank, say rules, alerts)."""

T = {
    # say rules
    "'{id}' is not a usable phrase id.": "'{id}' không dùng được làm mã đoạn.",
    "'{raw}' calls the rule set '{rule}', which does not exist.": "'{raw}' gọi bộ quy tắc '{rule}', nhưng bộ quy tắc này không có.",
    "'{raw}' is not a phrase under 'phrases:'.": "'{raw}' không có trong danh sách đoạn ở 'phrases:'.",
    "'{text}' is not a valid expression ({reason}).": "'{text}' không phải là biểu thức hợp lệ ({reason}).",
    "'{text}' uses '{name}', which is not one of the values n, day, month, year, weekday, full, hour, minute.":
        "'{text}' dùng '{name}', không phải một trong các giá trị n, day, month, year, weekday, full, hour, minute.",
    "'{text}' uses a value that is not a whole number.": "'{text}' dùng một giá trị không phải số nguyên.",
    "'{text}' uses something not allowed in say rules (only whole numbers, the values n, day, month, year, weekday, full, hour, minute, + - * // %, comparisons, and, or, not).":
        "'{text}' dùng thứ không được phép trong quy tắc đọc (chỉ được dùng số nguyên, các giá trị n, day, month, year, weekday, full, hour, minute, + - * // %, phép so sánh, and, or, not).",
    "'{value}' is not a time written HH:MM.": "'{value}' không phải là giờ viết dạng HH:MM.",
    "(stale)": "(đã cũ)",
    "A native speaker listens to the phrases, then: commcli recordings review --lang {lang} --by NAME":
        "Nhờ người bản ngữ nghe lại các đoạn, rồi chạy: commcli recordings review --lang {lang} --by HỌ_TÊN",
    "Add the phrase under 'phrases:' or correct the name.": "Thêm đoạn đó vào 'phrases:' hoặc sửa lại tên.",
    "Clip {clip} ({title}) would be said with voice-bank phrases nobody has reviewed: {ids}.":
        "Đoạn {clip} ({title}) sẽ được ghép từ các đoạn trong kho giọng chưa ai duyệt: {ids}.",
    "Correct the say rules in templates/say/, or record the whole item.":
        "Sửa quy tắc đọc trong templates/say/, hoặc ghi âm cả tin.",
    "Division by zero in a say rule.": "Quy tắc đọc có phép chia cho 0.",
    "Example: commcli recordings kit bulletins/2026-W48.yaml --lang hmn":
        "Ví dụ: commcli recordings kit bulletins/2026-W48.yaml --lang hmn",
    "Import the phrases again with 'commcli recordings import', or restore index.json from a backup.":
        "Nhập lại các đoạn bằng 'commcli recordings import', hoặc lấy lại index.json từ bản sao lưu.",
    "Kit for the voice bank: every template segment, number word, village and value still missing, recorded once for many weeks.":
        "Bộ ghi âm cho kho giọng: mọi câu cố định của mẫu tin, từ đọc số, tên bản và giá trị còn thiếu, ghi một lần dùng nhiều tuần.",
    "Make a kit with 'commcli recordings kit --bank --lang {lang}', record the phrases and import them with 'commcli recordings import', or record the whole item.":
        "Tạo bộ ghi âm bằng 'commcli recordings kit --bank --lang {lang}', ghi các đoạn rồi nhập bằng 'commcli recordings import', hoặc ghi âm cả tin.",
    "Name each file exactly as in the bank kit's phrases.csv, e.g. {example}.":
        "Đặt tên mỗi tệp đúng như trong phrases.csv của bộ ghi âm kho giọng, ví dụ {example}.",
    "Name the file after its language, e.g. templates/say/hmn.yaml.": "Đặt tên tệp theo ngôn ngữ của nó, ví dụ templates/say/hmn.yaml.",
    "Name the week's bulletin file, or add --bank for a voice-bank kit.":
        "Hãy nêu tệp bản tin của tuần, hoặc thêm --bank để tạo bộ ghi âm cho kho giọng.",
    "No case of the say rule '{rule}' of {lang} fits {value}.": "Không trường hợp nào của quy tắc đọc '{rule}' ({lang}) hợp với {value}.",
    "No phrase '{id}' in the kit or in the workspace's voice bank; this file was not imported.":
        "Không có đoạn '{id}' trong bộ ghi âm hay trong kho giọng của thư mục làm việc; tệp này không được nhập.",
    "No recording for clip {clip} ({title}) and the voice bank cannot say it: it is left out.":
        "Đoạn {clip} ({title}) chưa có bản ghi âm và kho giọng không đọc được: đoạn này bị bỏ ra.",
    "No recording for clip {clip} ({title}) and the voice bank lacks {count} phrase(s): {ids}; it is left out.":
        "Đoạn {clip} ({title}) chưa có bản ghi âm và kho giọng còn thiếu {count} đoạn: {ids}; đoạn này bị bỏ ra.",
    "Print script.pdf for the reader; put the recorded files into that folder, then run: commcli recordings import {folder}":
        "In script.pdf cho người đọc; chép các tệp ghi âm vào thư mục đó rồi chạy: commcli recordings import {folder}",
    "Restore phrases.csv from the bank kit, or delete it to use the workspace's phrases.":
        "Lấy lại phrases.csv từ bộ ghi âm kho giọng, hoặc xóa nó để dùng danh sách đoạn của thư mục làm việc.",
    "The file is named '{name}' but says 'language: {lang}'.": "Tệp tên là '{name}' nhưng lại ghi 'language: {lang}'.",
    "The say rule '{rule}' loops: {chain}.": "Quy tắc đọc '{rule}' bị lặp vòng: {chain}.",
    "The say rule '{rule}' names the phrase '{phrase}', which is not under 'phrases:'.":
        "Quy tắc đọc '{rule}' nêu đoạn '{phrase}', nhưng đoạn này không có trong 'phrases:'.",
    "The say rules for {lang} have no rule set '{rule}'.": "Quy tắc đọc tiếng {lang} không có bộ quy tắc '{rule}'.",
    "The template '{name}' has no {lang} text.": "Mẫu tin '{name}' không có lời tiếng {lang}.",
    "The value '{name}' is not known here.": "Ở đây không có giá trị '{name}'.",
    "The voice bank cannot cut the template '{name}' ({lang}): {reason}.": "Kho giọng không cắt được mẫu tin '{name}' ({lang}): {reason}.",
    "The voice bank entry for '{id}' is damaged.": "Mục '{id}' trong kho giọng bị hỏng.",
    "The voice bank index is not UTF-8 text.": "Tệp chỉ mục kho giọng không phải văn bản UTF-8.",
    "The voice bank index is not valid JSON: {reason}.": "Tệp chỉ mục kho giọng không phải JSON hợp lệ: {reason}.",
    "The voice bank index must be a JSON object {phrase id: entry}.": "Tệp chỉ mục kho giọng phải là một đối tượng JSON {mã đoạn: mục}.",
    "The week's bulletin file (not needed with --bank).": "Tệp bản tin của tuần (không cần khi dùng --bank).",
    "This is not allowed in a say rule.": "Điều này không được phép trong quy tắc đọc.",
    "Voice-bank kit for {lang}: {count} phrase(s) in {folder}": "Bộ ghi âm kho giọng tiếng {lang}: {count} đoạn trong {folder}",
    "Write a recording kit (printable script, clip list, instructions) for one language; with --bank, the voice-bank phrases still missing.":
        "Tạo bộ ghi âm (kịch bản để in, danh sách đoạn, hướng dẫn) cho một ngôn ngữ; với --bank, các đoạn kho giọng còn thiếu.",
    "an object with file, text, text_sha256, status, duration": "một đối tượng có file, text, text_sha256, status, duration",
    "it uses {% … %} blocks, which a voice bank cannot cut; record the whole item":
        "mẫu dùng khối {% … %}, kho giọng không cắt được; hãy ghi âm cả tin",
    "line {line}: this {{ … }} is not a plain value, date, time, number, money or term('id'); record the whole item":
        "dòng {line}: chỗ {{ … }} này không phải giá trị, ngày, giờ, số, tiền hay term('id') đơn giản; hãy ghi âm cả tin",
    "lowercase letters, digits and dashes, with a kind before a dot: n.5, w.tram":
        "chữ thường, chữ số và dấu gạch ngang, có loại đứng trước dấu chấm: n.5, w.tram",
    "phrases.csv is not UTF-8 text (was it saved from a spreadsheet in another encoding?).":
        "phrases.csv không phải văn bản UTF-8 (có phải đã lưu từ bảng tính với bảng mã khác?).",
    "phrases.csv lacks the column(s) {columns}.": "phrases.csv thiếu cột {columns}.",
    "phrases.csv row for '{id}' is damaged (id, language or text).": "Dòng của '{id}' trong phrases.csv bị hỏng (mã, ngôn ngữ hoặc lời).",
    "the item gives no value for '{name}'": "tin không cho giá trị của '{name}'",
    "there are no say rules for {lang} (templates/say/{lang}.yaml)": "chưa có quy tắc đọc tiếng {lang} (templates/say/{lang}.yaml)",
    "{value} has decimals, which the say rules cannot read yet": "{value} có phần thập phân, quy tắc đọc chưa đọc được",
    "{value} is out of range for the say rule '{rule}' of {lang} ({low}–{high}).":
        "{value} nằm ngoài khoảng mà quy tắc đọc '{rule}' ({lang}) đọc được ({low}–{high}).",
    "{{{{ {name} }}}} in the template '{template}' ({lang}) cannot be said from the voice bank: {reason}":
        "Kho giọng không đọc được {{{{ {name} }}}} trong mẫu tin '{template}' ({lang}): {reason}",
    # status, review
    "'commcli recordings status --lang {lang}' lists the bank.": "Lệnh 'commcli recordings status --lang {lang}' liệt kê kho giọng.",
    "Give the reviewer's name with --by.": "Hãy ghi tên người duyệt bằng --by.",
    "How the clips are voiced:": "Các đoạn được đọc bằng gì:",
    "Human voice for H'Mông, Thái, Khơ Mú: recording kits, voice bank, import, review, status.":
        "Giọng người cho tiếng H'Mông, Thái, Khơ Mú: bộ ghi âm, kho giọng, nhập, duyệt, tình trạng.",
    "Language of the bank, e.g. hmn, blt-Latn.": "Ngôn ngữ của kho giọng, ví dụ hmn, blt-Latn.",
    "Mark them approved instead of reviewed.": "Đánh dấu là đã phê duyệt thay vì đã rà soát.",
    "Mark voice-bank phrases as checked by a native speaker (draft → reviewed or approved).":
        "Đánh dấu các đoạn trong kho giọng đã được người bản ngữ nghe lại (bản nháp → đã rà soát hoặc đã phê duyệt).",
    "Name of the native speaker who listened to the phrases.": "Tên người bản ngữ đã nghe lại các đoạn.",
    "No draft phrase to mark.": "Không có đoạn nháp nào để đánh dấu.",
    "No phrase {ids} in the {lang} voice bank.": "Kho giọng tiếng {lang} không có đoạn {ids}.",
    "Phrase ids, e.g. n.5 t.hop-ban.1 (default: every draft phrase).": "Mã các đoạn, ví dụ n.5 t.hop-ban.1 (mặc định: mọi đoạn nháp).",
    "phrases: {ids}": "các đoạn: {ids}",
    "to voice the rest, record {phrases} phrase(s) and {whole} whole item(s):":
        "để đọc được phần còn lại, cần ghi {phrases} đoạn và {whole} tin trọn vẹn:",
    "whole items: {ids}": "tin trọn vẹn: {ids}",
    "{lang}: {bank} from the voice bank, {recording} whole recording(s), {tts} by a synthetic voice, {none} not voiced":
        "{lang}: {bank} ghép từ kho giọng, {recording} bản ghi cả tin, {tts} giọng máy đọc, {none} chưa có tiếng",
    "{lang}: {count} phrase(s) marked {status} by {name}": "{lang}: {count} đoạn được {name} đánh dấu {status}",
    # alert
    "'{pair}' is not key=value.": "'{pair}' không có dạng khóa=giá_trị.",
    "--repeat must be between 1 and 10.": "--repeat phải từ 1 đến 10.",
    "A native speaker reviews the text, then write status: reviewed (or approved) for it.":
        "Nhờ người bản ngữ rà soát lời, rồi ghi status: reviewed (hoặc approved) cho lời đó.",
    "A value the template needs; repeat for each field.": "Một giá trị mẫu tin cần; lặp lại cho từng trường.",
    "Affected villages (default: every village).": "Các bản bị ảnh hưởng (mặc định: mọi bản).",
    "Alert built in {path}: {count} language(s), {playlists} village playlist(s).":
        "Đã dựng tin khẩn cấp trong {path}: {count} ngôn ngữ, {playlists} danh sách phát của bản.",
    "Build an emergency alert now from a template: each affected village in each of its languages, repeated with an urgent chime, with playlists (the week's build is not touched).":
        "Dựng ngay tin khẩn cấp từ một mẫu tin: cho từng bản bị ảnh hưởng, bằng mọi tiếng của bản đó, đọc lặp lại sau chuông báo khẩn, kèm danh sách phát (không đụng đến bản tin của tuần).",
    "Emergency alert": "Tin khẩn cấp",
    "Folder for the alert (default: out/alerts/<date>-<time>-<template>).":
        "Thư mục cho tin khẩn cấp (mặc định: out/alerts/<ngày>-<giờ>-<mẫu tin>).",
    "Give each with --set key=value.": "Cho từng giá trị bằng --set khóa=giá_trị.",
    "How many times the alert is read, each after the chime.": "Số lần đọc tin, mỗi lần sau tiếng chuông.",
    "ID,ID": "MÃ,MÃ",
    "KEY=VALUE": "KHÓA=GIÁ_TRỊ",
    "Left out (no sound yet): {langs}": "Bị bỏ ra (chưa có tiếng): {langs}",
    "No language of the alert has sound: nothing was written.": "Tin khẩn cấp chưa có tiếng ở ngôn ngữ nào: không ghi gì ra.",
    "Refuse texts and voice-bank phrases nobody has reviewed.": "Từ chối lời và đoạn kho giọng chưa ai duyệt.",
    "See the messages above for what is missing.": "Xem các thông báo ở trên để biết còn thiếu gì.",
    "TEMPLATE": "MẪU_TIN",
    "Template name in templates/bulletins/, e.g. sat-lo-lu-quet.": "Tên mẫu tin trong templates/bulletins/, ví dụ sat-lo-lu-quet.",
    "The template '{name}' has no field {fields}.": "Mẫu tin '{name}' không có trường {fields}.",
    "The template '{name}' has no {lang} text: villages speaking it hear the alert in their other languages.":
        "Mẫu tin '{name}' không có lời tiếng {lang}: các bản nói tiếng này sẽ nghe tin bằng các tiếng khác của bản.",
    "The template '{name}' needs {fields}.": "Mẫu tin '{name}' cần {fields}.",
    "The {lang} text of the template '{name}' is a draft nobody has reviewed.": "Lời tiếng {lang} của mẫu tin '{name}' là bản nháp chưa ai rà soát.",
    "There is no template '{name}'.": "Không có mẫu tin '{name}'.",
    "Unknown village {ids}.": "Không có bản {ids}.",
    "Write each value as --set key=value, e.g. --set ngay=2026-12-03.": "Viết mỗi giá trị dạng --set khóa=giá_trị, ví dụ --set ngay=2026-12-03.",
    "voice bank: {count} phrase(s), {draft} draft, {reviewed} reviewed, {approved} approved":
        "kho giọng: {count} đoạn, {draft} bản nháp, {reviewed} đã rà soát, {approved} đã phê duyệt",
}
