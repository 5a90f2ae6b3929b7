"""Built-in readings of Vietnamese administrative abbreviations and document-code parts, with where each comes from.

A workspace glossary's ``abbreviations: [{abbr, spoken}]`` override these. Matching is case-sensitive
and on whole tokens. Sources (``source`` of each entry):

- ``nd30``: Nghị định 30/2020/NĐ-CP on administrative documents, Phụ lục III (abbreviated names of
  document types) and the document-number pattern "số/năm/loại-cơ quan".
- ``gov``: names of the Government's ministries and agencies (Nghị định 123/2016 as amended; the
  2025 reorganisation kept both old and new abbreviations in documents still in force).
- ``party``: Party and mass-organisation bodies (Điều lệ Đảng, Điều lệ MTTQ, Đoàn, Hội).
- ``local``: local government and public services (Luật Tổ chức chính quyền địa phương 2025).
- ``sector``: health, education, land, social insurance, security terms as printed on forms and notices.
- ``common``: abbreviations of everyday written Vietnamese (v.v., TP., SĐT).
Readings are the full words an announcer says, lower case (the synthesiser does not need capitals).
"""

from __future__ import annotations

from typing import NamedTuple


class Abbreviation(NamedTuple):
    abbr: str
    spoken: str
    source: str


def _rows(source: str, text: str) -> list[Abbreviation]:
    rows = []
    for line in text.strip().splitlines():
        abbr, _, spoken = line.partition("|")
        rows.append(Abbreviation(abbr.strip(), spoken.strip(), source))
    return rows


#: Document types (Nghị định 30/2020/NĐ-CP, Phụ lục III, and the legal-document types of Luật Ban hành VBQPPL).
DOCUMENT_TYPES: list[Abbreviation] = _rows("nd30", """
NQ|nghị quyết
NQLT|nghị quyết liên tịch
NĐ|nghị định
QĐ|quyết định
CT|chỉ thị
QC|quy chế
QyĐ|quy định
TT|thông tư
TTLT|thông tư liên tịch
TB|thông báo
HD|hướng dẫn
CTr|chương trình
KH|kế hoạch
PA|phương án
ĐA|đề án
DA|dự án
BC|báo cáo
BB|biên bản
TTr|tờ trình
HĐ|hợp đồng
CĐ|công điện
BGN|bản ghi nhớ
BTT|bản thỏa thuận
GUQ|giấy ủy quyền
GM|giấy mời
GGT|giấy giới thiệu
GNP|giấy nghỉ phép
PG|phiếu gửi
PC|phiếu chuyển
PB|phiếu báo
CV|công văn
KL|kết luận
L|luật
PL|pháp lệnh
LĐ|lệnh
SL|sắc lệnh
""")

_GOV = _rows("gov", """
CP|chính phủ
TTg|thủ tướng
TTCP|thủ tướng chính phủ
VPCP|văn phòng chính phủ
QH|quốc hội
UBTVQH|ủy ban thường vụ quốc hội
CTN|chủ tịch nước
BCA|bộ công an
BQP|bộ quốc phòng
BNG|bộ ngoại giao
BNV|bộ nội vụ
BTP|bộ tư pháp
BTC|bộ tài chính
BCT|bộ công thương
BYT|bộ y tế
BXD|bộ xây dựng
BGDĐT|bộ giáo dục và đào tạo
BGD&ĐT|bộ giáo dục và đào tạo
BKHCN|bộ khoa học và công nghệ
BNNMT|bộ nông nghiệp và môi trường
BNN&MT|bộ nông nghiệp và môi trường
BDTTG|bộ dân tộc và tôn giáo
BVHTTDL|bộ văn hóa, thể thao và du lịch
BTNMT|bộ tài nguyên và môi trường
BNNPTNT|bộ nông nghiệp và phát triển nông thôn
BNN&PTNT|bộ nông nghiệp và phát triển nông thôn
BLĐTBXH|bộ lao động, thương binh và xã hội
BTTTT|bộ thông tin và truyền thông
BKHĐT|bộ kế hoạch và đầu tư
BGTVT|bộ giao thông vận tải
UBDT|ủy ban dân tộc
NHNN|ngân hàng nhà nước
KTNN|kiểm toán nhà nước
TANDTC|tòa án nhân dân tối cao
VKSNDTC|viện kiểm sát nhân dân tối cao
TAND|tòa án nhân dân
VKSND|viện kiểm sát nhân dân
VKS|viện kiểm sát
BHXHVN|bảo hiểm xã hội Việt Nam
TCTK|tổng cục thống kê
TCT|tổng cục thuế
TCHQ|tổng cục hải quan
NHCSXH|ngân hàng chính sách xã hội
TTXVN|thông tấn xã Việt Nam
VTV|đài truyền hình Việt Nam
VOV|đài tiếng nói Việt Nam
NSNN|ngân sách nhà nước
NN|nhà nước
BCĐ|ban chỉ đạo
BQL|ban quản lý
""")

_PARTY = _rows("party", """
TW|trung ương
TƯ|trung ương
BCHTW|ban chấp hành trung ương
BCHTƯ|ban chấp hành trung ương
BCT|bộ chính trị
BBT|ban bí thư
BCH|ban chấp hành
BTV|ban thường vụ
TU|tỉnh ủy
ĐU|đảng ủy
HU|huyện ủy
ĐBTU|đảng bộ tỉnh ủy
BTVTU|ban thường vụ tỉnh ủy
BTVĐU|ban thường vụ đảng ủy
ĐCSVN|đảng cộng sản Việt Nam
CSVN|cộng sản Việt Nam
MTTQ|mặt trận tổ quốc
MTTQVN|mặt trận tổ quốc Việt Nam
UBMTTQ|ủy ban mặt trận tổ quốc
UBMTTQVN|ủy ban mặt trận tổ quốc Việt Nam
HLHPN|hội liên hiệp phụ nữ
LHPN|liên hiệp phụ nữ
HPN|hội phụ nữ
HND|hội nông dân
HCCB|hội cựu chiến binh
CCB|cựu chiến binh
HCTĐ|hội chữ thập đỏ
CTĐ|chữ thập đỏ
HNCT|hội người cao tuổi
NCT|người cao tuổi
ĐTN|đoàn thanh niên
Đoàn TN|Đoàn thanh niên
TNCS|thanh niên cộng sản
ĐTNCS|đoàn thanh niên cộng sản
TNCS HCM|thanh niên cộng sản Hồ Chí Minh
HCM|Hồ Chí Minh
HLHTN|hội liên hiệp thanh niên
HLHTNVN|hội liên hiệp thanh niên Việt Nam
HSV|hội sinh viên
LĐLĐ|liên đoàn lao động
TLĐLĐVN|tổng liên đoàn lao động Việt Nam
CĐCS|công đoàn cơ sở
ĐV|đảng viên
CBCNVC|cán bộ, công nhân viên chức
CBCCVC|cán bộ, công chức, viên chức
CBCC|cán bộ, công chức
CB|cán bộ
CC|công chức
VC|viên chức
CTV|cộng tác viên
HĐTV|hội đồng thành viên
TTCT|thông tin chính trị
TGTU|tuyên giáo trung ương
BTG|ban tuyên giáo
BDV|ban dân vận
BTC|ban tổ chức
UBKT|ủy ban kiểm tra
MTTQ-ĐT|mặt trận tổ quốc và các đoàn thể
""")

_LOCAL = _rows("local", """
UBND|ủy ban nhân dân
HĐND|hội đồng nhân dân
UBHC|ủy ban hành chính
TT HĐND|thường trực hội đồng nhân dân
TTHĐND|thường trực hội đồng nhân dân
ĐBQH|đại biểu quốc hội
ĐB|đại biểu
ĐBHĐND|đại biểu hội đồng nhân dân
CT|chủ tịch
PCT|phó chủ tịch
CT UBND|chủ tịch ủy ban nhân dân
BT|bí thư
PBT|phó bí thư
TTHC|thủ tục hành chính
DVC|dịch vụ công
DVCTT|dịch vụ công trực tuyến
CCHC|cải cách hành chính
TN&TKQ|tiếp nhận và trả kết quả
TNTKQ|tiếp nhận và trả kết quả
BPMC|bộ phận một cửa
TTPVHCC|trung tâm phục vụ hành chính công
HCC|hành chính công
VP|văn phòng
VPĐKĐĐ|văn phòng đăng ký đất đai
TTYT|trung tâm y tế
TYT|trạm y tế
BVĐK|bệnh viện đa khoa
BV|bệnh viện
PKĐK|phòng khám đa khoa
CDC|trung tâm kiểm soát bệnh tật
KT-XH|kinh tế - xã hội
KTXH|kinh tế - xã hội
KT|kinh tế
XH|xã hội
VH|văn hóa
VHXH|văn hóa - xã hội
VH-XH|văn hóa - xã hội
VHTT|văn hóa thông tin
VH-TT|văn hóa - thông tin
VHTTDL|văn hóa, thể thao và du lịch
VH-TT&DL|văn hóa, thể thao và du lịch
TDTT|thể dục thể thao
TT-VH|thông tin - văn hóa
ANQP|an ninh quốc phòng
AN-QP|an ninh - quốc phòng
QP-AN|quốc phòng - an ninh
QPAN|quốc phòng an ninh
ANTT|an ninh trật tự
AN|an ninh
QP|quốc phòng
TTATXH|trật tự an toàn xã hội
TTATGT|trật tự an toàn giao thông
ATGT|an toàn giao thông
CSGT|cảnh sát giao thông
CSKV|cảnh sát khu vực
CAX|công an xã
CA|công an
CAND|công an nhân dân
QĐND|quân đội nhân dân
QĐNDVN|quân đội nhân dân Việt Nam
BCHQS|ban chỉ huy quân sự
BCH QS|ban chỉ huy quân sự
BCH Quân sự|ban chỉ huy quân sự
BCH quân sự|ban chỉ huy quân sự
CHQS|chỉ huy quân sự
BKS|biển kiểm soát
QS|quân sự
BĐBP|bộ đội biên phòng
BP|biên phòng
DQTV|dân quân tự vệ
DQ|dân quân
NVQS|nghĩa vụ quân sự
PTDS|phòng thủ dân sự
PCTT|phòng chống thiên tai
PCTT&TKCN|phòng chống thiên tai và tìm kiếm cứu nạn
PCTT-TKCN|phòng chống thiên tai và tìm kiếm cứu nạn
TKCN|tìm kiếm cứu nạn
PCCC|phòng cháy chữa cháy
PCCR|phòng cháy chữa cháy rừng
PCCC&CNCH|phòng cháy chữa cháy và cứu nạn cứu hộ
PCCC và CNCH|phòng cháy chữa cháy và cứu nạn cứu hộ
CNCH|cứu nạn cứu hộ
PCLB|phòng chống lụt bão
GPMB|giải phóng mặt bằng
HTX|hợp tác xã
THT|tổ hợp tác
DN|doanh nghiệp
DNNVV|doanh nghiệp nhỏ và vừa
NTM|nông thôn mới
NTMNC|nông thôn mới nâng cao
MTQG|mục tiêu quốc gia
CTMTQG|chương trình mục tiêu quốc gia
GNBV|giảm nghèo bền vững
DTTS|dân tộc thiểu số
DTTS&MN|dân tộc thiểu số và miền núi
ĐBDTTS|đồng bào dân tộc thiểu số
ĐBKK|đặc biệt khó khăn
KV|khu vực
TDP|tổ dân phố
TP|thành phố
TX|thị xã
Tp.|thành phố
TP.|thành phố
TP.HCM|thành phố Hồ Chí Minh
TPHCM|thành phố Hồ Chí Minh
Tp.HCM|thành phố Hồ Chí Minh
HN|Hà Nội
VN|Việt Nam
CHXHCN|cộng hòa xã hội chủ nghĩa
CHXHCNVN|cộng hòa xã hội chủ nghĩa Việt Nam
XHCN|xã hội chủ nghĩa
QL|quốc lộ
TL|tỉnh lộ
GTNT|giao thông nông thôn
GTVT|giao thông vận tải
CNTT|công nghệ thông tin
CĐS|chuyển đổi số
KH&CN|khoa học và công nghệ
KHCN|khoa học công nghệ
KH-CN|khoa học - công nghệ
NN&PTNT|nông nghiệp và phát triển nông thôn
NNPTNT|nông nghiệp và phát triển nông thôn
NN&MT|nông nghiệp và môi trường
TN&MT|tài nguyên và môi trường
TNMT|tài nguyên môi trường
LĐ-TB&XH|lao động - thương binh và xã hội
LĐTBXH|lao động, thương binh và xã hội
TB&XH|thương binh và xã hội
GD&ĐT|giáo dục và đào tạo
GDĐT|giáo dục đào tạo
GD|giáo dục
TC-KH|tài chính - kế hoạch
TCKH|tài chính kế hoạch
KH&ĐT|kế hoạch và đầu tư
VH&TT|văn hóa và thông tin
TT&TT|thông tin và truyền thông
TTTT|thông tin truyền thông
TTVH|thông tin văn hóa
TTCS|thông tin cơ sở
ĐTTS|đài truyền thanh
ĐPT|đài phát thanh
PT-TH|phát thanh - truyền hình
PTTH|phát thanh truyền hình
""")

_SECTOR = _rows("sector", """
BHYT|bảo hiểm y tế
BHXH|bảo hiểm xã hội
BHTN|bảo hiểm thất nghiệp
BHTNLĐ|bảo hiểm tai nạn lao động
BNN|bệnh nghề nghiệp
TNLĐ|tai nạn lao động
KCB|khám chữa bệnh
KBCB|khám bệnh, chữa bệnh
CSSK|chăm sóc sức khỏe
CSSKBĐ|chăm sóc sức khỏe ban đầu
CSSKSS|chăm sóc sức khỏe sinh sản
KHHGĐ|kế hoạch hóa gia đình
DS-KHHGĐ|dân số - kế hoạch hóa gia đình
ATTP|an toàn thực phẩm
VSATTP|vệ sinh an toàn thực phẩm
VSMT|vệ sinh môi trường
TCMR|tiêm chủng mở rộng
SXH|sốt xuất huyết
TCM|tay chân miệng
HIV/AIDS|HIV/AIDS
AIDS|ết
HIV|hát i vê
COVID|cô vít
COVID-19|cô vít mười chín
SARS-CoV-2|sác cô vi hai
WHO|tổ chức y tế thế giới
UNICEF|quỹ nhi đồng liên hợp quốc
LHQ|liên hợp quốc
ASF|dịch tả lợn châu Phi
DTLCP|dịch tả lợn châu Phi
LMLM|lở mồm long móng
VNTN|viêm da nổi cục
THCS|trung học cơ sở
THPT|trung học phổ thông
TH|tiểu học
MN|mầm non
PTDTBT|phổ thông dân tộc bán trú
PTDTNT|phổ thông dân tộc nội trú
PTDTBT THCS|phổ thông dân tộc bán trú trung học cơ sở
GDTX|giáo dục thường xuyên
GDNN|giáo dục nghề nghiệp
GDNN-GDTX|giáo dục nghề nghiệp - giáo dục thường xuyên
TTGDNN-GDTX|trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên
TTHTCĐ|trung tâm học tập cộng đồng
ĐH|đại học
CĐ|cao đẳng
TC|trung cấp
GV|giáo viên
HS|học sinh
SV|sinh viên
BGH|ban giám hiệu
PHHS|phụ huynh học sinh
CMHS|cha mẹ học sinh
SGK|sách giáo khoa
GCN|giấy chứng nhận
GCNQSDĐ|giấy chứng nhận quyền sử dụng đất
GCNQSD|giấy chứng nhận quyền sử dụng
QSDĐ|quyền sử dụng đất
QSD|quyền sử dụng
SDĐ|sử dụng đất
GPXD|giấy phép xây dựng
GPKD|giấy phép kinh doanh
ĐKKD|đăng ký kinh doanh
ĐKKS|đăng ký khai sinh
ĐK|đăng ký
TĐC|tái định cư
BĐS|bất động sản
CCCD|căn cước công dân
CMND|chứng minh nhân dân
CMTND|chứng minh thư nhân dân
ĐDCN|định danh cá nhân
SĐDCN|số định danh cá nhân
CSDL|cơ sở dữ liệu
CSDLQG|cơ sở dữ liệu quốc gia
CSDLQGVDC|cơ sở dữ liệu quốc gia về dân cư
VNeID|vê nờ e ai đi
VssID|vê ét ét ai đi
MST|mã số thuế
TNCN|thu nhập cá nhân
GTGT|giá trị gia tăng
TK|tài khoản
STK|số tài khoản
NH|ngân hàng
HSSV|học sinh, sinh viên
NKT|người khuyết tật
NCC|người có công
TBXH|thương binh xã hội
TBLS|thương binh liệt sĩ
TB-LS|thương binh - liệt sĩ
LS|liệt sĩ
BTXH|bảo trợ xã hội
TGXH|trợ giúp xã hội
TCXH|trợ cấp xã hội
ASXH|an sinh xã hội
HCN|hộ cận nghèo
XKLĐ|xuất khẩu lao động
LĐ|lao động
VL|việc làm
GQVL|giải quyết việc làm
ĐTNN|đào tạo nghề nông thôn
OCOP|ô cốp
VietGAP|việt gáp
GAP|gáp
KHKT|khoa học kỹ thuật
BVTV|bảo vệ thực vật
TY|thú y
CN-TY|chăn nuôi - thú y
KN|khuyến nông
KNKL|khuyến nông khuyến lâm
PCCCR|phòng cháy chữa cháy rừng
BVR|bảo vệ rừng
BV&PTR|bảo vệ và phát triển rừng
DVMTR|dịch vụ môi trường rừng
NS|nông sản
GPLX|giấy phép lái xe
ĐKX|đăng ký xe
PTGT|phương tiện giao thông
NĐCP|nghị định chính phủ
VBQPPL|văn bản quy phạm pháp luật
QPPL|quy phạm pháp luật
PL|pháp luật
PBGDPL|phổ biến, giáo dục pháp luật
TGPL|trợ giúp pháp lý
HGCS|hòa giải cơ sở
THA|thi hành án
THADS|thi hành án dân sự
HĐXX|hội đồng xét xử
XLVPHC|xử lý vi phạm hành chính
VPHC|vi phạm hành chính
GDP|gờ đê pê
GRDP|tổng sản phẩm trên địa bàn
CPI|chỉ số giá tiêu dùng
PCI|chỉ số năng lực cạnh tranh cấp tỉnh
PAPI|chỉ số hiệu quả quản trị và hành chính công cấp tỉnh
PAR INDEX|chỉ số cải cách hành chính
SIPAS|chỉ số hài lòng
QR|kiu a
OTP|ô tê pê
SMS|tin nhắn
ATM|a tê mờ
IT|công nghệ thông tin
AI|trí tuệ nhân tạo
4G|bốn gờ
5G|năm gờ
3G|ba gờ
2G|hai gờ
GPS|gờ pê ét
WIFI|oai phai
WiFi|oai phai
Wi-Fi|oai phai
OK|ô kê
SOS|ét ô ét
TV|ti vi
CLB|câu lạc bộ
KCN|khu công nghiệp
CCN|cụm công nghiệp
KDC|khu dân cư
USD|đô la Mỹ
VNĐ|việt nam đồng
VND|việt nam đồng
ĐVT|đơn vị tính
SL|số lượng
TS|tổng số
""")

_COMMON = _rows("common", """
v.v.|vân vân
v.v|vân vân
vv.|vân vân
SĐT|số điện thoại
Đ/c|đồng chí
đ/c|đồng chí
đ/chí|đồng chí
ĐT|điện thoại
ĐTDĐ|điện thoại di động
STT|số thứ tự
Th.S|thạc sĩ
ThS.|thạc sĩ
ThS|thạc sĩ
TS.|tiến sĩ
PGS.TS|phó giáo sư, tiến sĩ
PGS|phó giáo sư
GS.TS|giáo sư, tiến sĩ
GS|giáo sư
BS|bác sĩ
BS.|bác sĩ
BSCKI|bác sĩ chuyên khoa một
BSCKII|bác sĩ chuyên khoa hai
BSCK|bác sĩ chuyên khoa
YS|y sĩ
ĐD|điều dưỡng
NHS|nữ hộ sinh
KS|kỹ sư
CN|cử nhân
Ô.|ông
B.|bà
Tr.|trang
tr.|trang
Nxb|nhà xuất bản
NXB|nhà xuất bản
TNHH|trách nhiệm hữu hạn
CTCP|công ty cổ phần
Cty|công ty
CTy|công ty
P.|phường
Q.|quận
ĐC|địa chỉ
TG|tuyên giáo
SN|số nhà
HĐQT|hội đồng quản trị
GĐ|giám đốc
PGĐ|phó giám đốc
""")


#: Document types also written alone in running text ("theo QĐ của tỉnh"); the others ("PC", "GM", "L")
#: mean something else outside a document code and are read there only.
_TYPES_IN_TEXT = frozenset({"NQ", "NQLT", "NĐ", "QĐ", "TT", "TTLT", "KH", "TB", "BC", "HD", "CV", "CTr", "TTr", "QC",
                            "QyĐ", "ĐA", "KL"})


def _merge(*groups: list[Abbreviation]) -> dict[str, Abbreviation]:
    table: dict[str, Abbreviation] = {}
    for group in groups:
        for row in group:
            table.setdefault(row.abbr, row)  # the first group that defines an abbreviation wins
    return table


#: Every built-in abbreviation. For one spelled the same in two groups the earlier group wins in running
#: text (BTC "ban tổ chức", BCT "bộ chính trị", CT "chủ tịch"); inside a document code the issuer is read
#: from :data:`ISSUER_WORDS` (BTC "bộ tài chính", BCT "bộ công thương") and the type from
#: :data:`DOCUMENT_TYPE_WORDS` (CT "chỉ thị", TT "thông tư").
ENTRIES: dict[str, Abbreviation] = _merge(
    _PARTY, _GOV, _LOCAL, _SECTOR, _COMMON, [row for row in DOCUMENT_TYPES if row.abbr in _TYPES_IN_TEXT])

#: abbreviation → spoken words (what :func:`commcli.textnorm.normalize_vi` starts from).
DEFAULT_ABBREVIATIONS: dict[str, str] = {abbr: row.spoken for abbr, row in ENTRIES.items()}

#: Document-type part of a document code ("NĐ" in "20/2021/NĐ-CP") → its words.
DOCUMENT_TYPE_WORDS: dict[str, str] = {row.abbr: row.spoken for row in DOCUMENT_TYPES}

#: Issuing bodies in document codes ("TT-BTC": the Ministry of Finance, not an organising committee).
ISSUER_WORDS: dict[str, str] = {**DEFAULT_ABBREVIATIONS, **{row.abbr: row.spoken for row in _GOV}}

#: Words that name a document type in running text, before its number ("Nghị định 20/2021/NĐ-CP").
DOCUMENT_WORDS = frozenset({
    "nghị quyết", "nghị định", "quyết định", "chỉ thị", "thông tư", "thông báo", "kế hoạch", "công văn",
    "hướng dẫn", "báo cáo", "tờ trình", "luật", "pháp lệnh", "quy định", "quy chế", "công điện", "đề án",
    "chương trình", "văn bản", "thông tư liên tịch", "nghị quyết liên tịch", "biên bản", "giấy mời", "kết luận",
    "lệnh", "sắc lệnh", "hiến pháp", "bộ luật", "phương án", "dự án",
})
