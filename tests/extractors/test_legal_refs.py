"""legal_refs: real citations from the corpus, noise variants, resolution, and linear time.

The first table holds every gold citation of the annotated corpus (corpus/seeds and
corpus/gold): the document it occurs in, the opening of its citation as written, and the
fields expected (date and issuer only where they are asserted). Rows of shared documents
skip when the shared corpus is absent.
"""

from __future__ import annotations

import time

import pytest

from extractors.legal_refs import extract, resolve_archive
from extractors.models import LegalRef
from extractors.structure import parse
from extractors.text import fold
from pipeline.normalize import normalize
from tests.conftest import corpus_text

# (document, citation as written, doc_type, number, name, date, issuer)
REAL = [
    # blind batch 8: "QĐ" written for the type word in a report's tables
    ('168_bc-vpubnd', 'QĐ thành lập số 298/QĐ-UBND ngày 20/02/2025', 'Quyết định', '298/QĐ-UBND', None, '2025-02-20', None),
    ('168_bc-vpubnd', 'QĐ thành lập số 2364/QĐ-UBND', 'Quyết định', '2364/QĐ-UBND', None, '2019-10-18', None),
    # blind batch 7: an amending law's "một số điều" and the count of laws it amends; "quy hoạch" and
    # "Quy chuẩn" run on ("quy" stops a name only as "quy định"); a name wrapped onto the next line
    ('226_tt_trinh-qd', 'Luật sửa đổi, bổ sung một số điều của 10 luật', 'Luật', '118/2025/QH15', None, None, None),
    ('195_qd-4385', 'Luật sửa đổi, bổ sung một số điều của 37 luật có', 'Luật', None, 'Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch', '2018-11-20', None),
    ('204_tt-13', 'Luật Tiêu chuẩn và Quy chuẩn kỹ thuật', 'Luật', None, 'Luật Tiêu chuẩn và Quy chuẩn kỹ thuật', None, None),
    ('183_tt-28', 'Luật Tiêu chuẩn và quy chuẩn kỹ thuật số 68/2006/QH11', 'Luật', '68/2006/QH11', None, None, None),
    # blind batch 1 (corpus/BLIND.md): law names that hold commas, named in full; an amending law
    # with the law it amends, wherever the page wrapped it
    ('116_cv-giamsat', 'Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ', 'Luật', None, 'Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ', None, None),
    ('197_qd-hoidong', 'Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2015', 'Luật', None, 'Luật An toàn, vệ sinh lao động', '2015-06-25', None),
    ('129_kh-1026', 'Luật sửa đổi, bổ sung', 'Luật', None, 'Luật sửa đổi, bổ sung Luật Bảo vệ bí mật nhà nước', None, None),
    ('129_kh-1026', 'Luật Bảo vệ bí mật nhà', 'Luật', None, 'Luật Bảo vệ bí mật nhà nước', None, None),
    ('005_kh-ctmtqg', 'Luật Phòng, chống ma túy', 'Luật', None, 'Luật Phòng, chống ma túy', None, None),
    # blind batch 4: a numbered sub-resolution keeps its dot; an amending law named in full
    ('130_tb-634', 'Nghị quyết số 66.4/2025/NQ-CP', 'Nghị quyết', '66.4/2025/NQ-CP', None, None, None),
    ('161_bc-ct38', 'Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản', 'Luật', None, 'Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản', None, None),
    ('008_qd-12-20', 'Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015', 'Luật', None, 'Luật Tổ chức Chính phủ', '2015-06-19', None),
    ('008_qd-12-20', 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật T', 'Luật', None, 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương', '2019-11-22', None),
    ('008_qd-12-20', 'Luật Đất đai ngày 18 tháng 01 năm 2024', 'Luật', None, 'Luật Đất đai', '2024-01-18', None),
    ('008_qd-12-20', 'Luật Việc làm số 38/2013/QH13 ngày 16 tháng 11 năm 2013 của Quốc hội', 'Luật', '38/2013/QH13', None, '2013-11-16', 'Quốc hội'),
    ('008_qd-12-20', 'Quyết định số 63/2015/QĐ-TTg ngày 10 tháng 12 năm 2015 của Thủ tướng C', 'Quyết định', '63/2015/QĐ-TTg', None, '2015-12-10', 'Thủ tướng Chính phủ'),
    ('009_qd-173-b', 'Nghị định số 22/2013/NĐ-CP ngày 13/3/2013 của Chính phủ', 'Nghị định', '22/2013/NĐ-CP', None, '2013-03-13', 'Chính phủ'),
    ('009_qd-173-b', 'Chương trình số 1249a/CTPH-UBDT-BTP ngày 13/11/2014 của Ủy ban Dân tộc', 'Chương trình', '1249a/CTPH-UBDT-BTP', None, '2014-11-13', 'Ủy ban Dân tộc và Bộ Tư pháp'),
    ('009_qd-173-b', 'Luật Hôn nhân và gia đình', 'Luật', None, 'Luật Hôn nhân và gia đình', None, None),
    ('012_qd-435-u', 'Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015', 'Luật', None, 'Luật Tổ chức chính quyền địa phương', '2015-06-19', None),
    ('012_qd-435-u', 'Chỉ thị số 37-CT/TW ngày 03 tháng 9 năm 2019 của Ban Bí thư Trung ương', 'Chỉ thị', '37-CT/TW', None, '2019-09-03', 'Ban Bí thư Trung ương Đảng'),
    ('012_qd-435-u', 'Quyết định số 416/QĐ-TTg ngày 25 tháng 3 năm 2020 của Thủ tướng Chính', 'Quyết định', '416/QĐ-TTg', None, '2020-03-25', 'Thủ tướng Chính phủ'),
    ('012_qd-435-u', 'Kế hoạch số 119-KH/TU ngày 18 tháng 12 năm 2019 của Ban Thường vụ Tỉnh', 'Kế hoạch', '119-KH/TU', None, '2019-12-18', 'Ban Thường vụ Tỉnh ủy'),
    ('012_qd-435-u', 'Tờ trình số 33/TTr-SLĐTBXH', 'Tờ trình', '33/TTr-SLĐTBXH', None, '2020-04-16', None),
    ('012_qd-435-u', 'Tờ trình số 42/TTr-SLĐTBXH', 'Tờ trình', '42/TTr-SLĐTBXH', None, '2020-04-29', None),
    ('012_qd-435-u', 'Kế hoạch số 2401/KH-UBND ngày 05 tháng 9 năm 2017 của Ủy ban nhân dân', 'Kế hoạch', '2401/KH-UBND', None, '2017-09-05', 'Ủy ban nhân dân tỉnh Kon Tum'),
    ('012_qd-435-u', 'Luật Doanh nghiệp', 'Luật', None, 'Luật Doanh nghiệp', None, None),
    ('012_qd-435-u', 'Luật hợp tác xã', 'Luật', None, 'Luật Hợp tác xã', None, None),
    ('012_qd-435-u', 'Chương trình số 51-CTr/TU', 'Chương trình', '51-CTr/TU', None, '2018-02-09', 'Tỉnh ủy'),
    ('012_qd-435-u', 'Nghị quyết số 18-NQ/TW, ngày 25 tháng 10 năm 2017 của Ban Chấp hành Tr', 'Nghị quyết', '18-NQ/TW', None, '2017-10-25', 'Ban Chấp hành Trung ương'),
    ('012_qd-435-u', 'Chương trình số 53-CTr/TU ngày 21 tháng 02 năm 2018 của Ban Chấp hành', 'Chương trình', '53-CTr/TU', None, '2018-02-21', 'Ban Chấp hành Đảng bộ tỉnh'),
    ('012_qd-435-u', 'Nghị quyết số 19-NQ/TW, ngày 25 tháng 10 năm 2017 của Ban Chấp hành Tr', 'Nghị quyết', '19-NQ/TW', None, '2017-10-25', 'Ban Chấp hành Trung ương'),
    ('012_qd-435-u', 'Kế hoạch số 739/KH-UBND ngày 28 tháng 3 năm 2018', 'Kế hoạch', '739/KH-UBND', None, '2018-03-28', None),
    ('012_qd-435-u', 'Kế hoạch số 740/KH-UBND', 'Kế hoạch', '740/KH-UBND', None, '2018-03-28', None),
    ('017_qd-bcd-d', 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025', 'Luật', None, 'Luật Tổ chức chính quyền địa phương', '2025-06-16', None),
    ('017_qd-bcd-d', 'Nghị quyết số 214/NQ-CP ngày 23 tháng 7 năm 2025 của Chính phủ', 'Nghị quyết', '214/NQ-CP', None, '2025-07-23', 'Chính phủ'),
    ('017_qd-bcd-d', 'Quyết định số 1798/QĐ-UBND ngày 22 tháng 10 năm 2025 của Ủy ban nhân d', 'Quyết định', '1798/QĐ-UBND', None, '2025-10-22', 'Ủy ban nhân dân tỉnh Lâm Đồng'),
    ('017_qd-bcd-d', 'Tờ trình số 519/TTr-CAT-PC06 ngày 24 tháng 12 năm 2025', 'Tờ trình', '519/TTr-CAT-PC06', None, '2025-12-24', None),
    ('019_qd-hopnh', 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025', 'Luật', None, 'Luật Tổ chức chính quyền địa phương', '2025-06-16', None),
    ('019_qd-hopnh', 'Luật Luật sư ngày 29 tháng 6 năm 2006', 'Luật', None, 'Luật Luật sư', '2006-06-29', None),
    ('019_qd-hopnh', 'Luật sửa đổi, bổ sung một số điều của Luật Luật sư ngày 20 tháng 11 nă', 'Luật', None, 'Luật sửa đổi, bổ sung một số điều của Luật Luật sư', '2012-11-20', None),
    ('019_qd-hopnh', 'Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội', 'Nghị quyết', '202/2025/QH15', None, '2025-06-12', 'Quốc hội'),
    ('019_qd-hopnh', 'Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ', 'Nghị định', '126/2024/NĐ-CP', None, '2024-10-08', 'Chính phủ'),
    ('019_qd-hopnh', 'Nghị định số 123/2013/NĐ-CP ngày 14 tháng 10 năm 2013 của Chính phủ', 'Nghị định', '123/2013/NĐ-CP', None, '2013-10-14', 'Chính phủ'),
    ('019_qd-hopnh', 'Nghị định số 137/2018/NĐ-CP', 'Nghị định', '137/2018/NĐ-CP', None, '2018-10-08', None),
    ('019_qd-hopnh', 'Tờ trình số 141/TTr-STP ngày 09 tháng 12 năm 2025', 'Tờ trình', '141/TTr-STP', None, '2025-12-09', 'Sở Tư pháp'),
    ('024_cv-3397-', 'Luật Doanh nghiệp', 'Luật', None, 'Luật Doanh nghiệp', None, None),
    ('024_cv-3397-', 'Công văn số 615/KVN-PC ngày 3 tháng 4 năm 2019 của Tổng công ty Khí Vi', 'Công văn', '615/KVN-PC', None, '2019-04-03', None),
    ('024_cv-3397-', 'Luật quản lý, sử dụng vốn nhà nước đầu tư và sản xuất, kinh doanh tại', 'Luật', None, 'Luật quản lý, sử dụng vốn nhà nước đầu tư và sản xuất, kinh doanh tại doanh nghiệp', None, None),
    ('026_cv-627-b', 'Luật bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008', 'Luật', '25/2008/QH12', None, '2008-11-14', None),
    ('026_cv-627-b', 'Luật số 46/2014/QH13 ngày 13 tháng 6 năm 2014', 'Luật', '46/2014/QH13', None, '2014-06-13', None),
    ('026_cv-627-b', 'Thông tư số 01/2017/TT-BYT ngày 06 tháng 3 năm 2017 của Bộ trưởng Bộ Y', 'Thông tư', '01/2017/TT-BYT', None, '2017-03-06', 'Bộ trưởng Bộ Y tế'),
    ('026_cv-627-b', 'Thông tư số 01/2019/TT-BYT ngày 01 tháng 3 năm 2019 của Bộ trưởng Bộ Y', 'Thông tư', '01/2019/TT-BYT', None, '2019-03-01', 'Bộ trưởng Bộ Y tế'),
    ('026_cv-627-b', 'Quyết định số 4210/QĐ-BYT ngày 20 tháng 9 năm 2017 của Bộ trưởng Bộ Y', 'Quyết định', '4210/QĐ-BYT', None, '2017-09-20', 'Bộ trưởng Bộ Y tế'),
    ('026_cv-627-b', 'Quyết định 6556/QĐ-BYT ngày 30 tháng 10 năm 2018 của Bộ trưởng Bộ Y tế', 'Quyết định', '6556/QĐ-BYT', None, '2018-10-30', 'Bộ trưởng Bộ Y tế'),
    ('026_cv-627-b', 'Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính phủ', 'Nghị định', '146/2018/NĐ-CP', None, '2018-10-17', 'Chính phủ'),
    ('026_cv-627-b', 'Chỉ thị số 10/CT-BYT ngày 09 tháng 9 năm 2019 của Bộ trưởng Bộ Y tế', 'Chỉ thị', '10/CT-BYT', None, '2019-09-09', 'Bộ trưởng Bộ Y tế'),
    ('026_cv-627-b', 'Chỉ thị số 25/CT-BYT ngày 21 tháng 12 năm 2020 của Bộ trưởng Bộ Y tế', 'Chỉ thị', '25/CT-BYT', None, '2020-12-21', 'Bộ trưởng Bộ Y tế'),
    ('030_cv-ubnd-', 'Công văn 4503/TCT', 'Công văn', '4503/TCT', None, '2025-07-07', None),
    ('030_cv-ubnd-', 'Công văn số 3169/TCT06', 'Công văn', '3169/TCT06', None, '2025-07-16', None),
    ('030_cv-ubnd-', 'Kế hoạch 02-KH/BCĐTW ngày 19/6/2025 của Ban chỉ đạo Trung ương', 'Kế hoạch', '02-KH/BCĐTW', None, '2025-06-19', 'Ban Chỉ đạo Trung ương'),
    ('030_cv-ubnd-', 'Tờ trình số 65/TTr-CAT-PC06 ngày 01/8/2025', 'Tờ trình', '65/TTr-CAT-PC06', None, '2025-08-01', None),
    ('030_cv-ubnd-', 'Nghị định số 150/2025/NĐ-CP', 'Nghị định', '150/2025/NĐ-CP', None, '2025-06-12', 'Chính phủ'),
    ('030_cv-ubnd-', 'Nghị định 118/2025/NĐ-CP', 'Nghị định', '118/2025/NĐ-CP', None, '2025-06-09', 'Chính phủ'),
    ('043_bc-mohin', 'Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ tịch Ủy ban nhân dân', 'Quyết định', '787/QĐ-UBND', None, '2025-08-21', 'Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng'),
    ('043_bc-mohin', 'Công văn số 1014/SNV-CCHC&VTLT ngày 22/8/2025', 'Công văn', '1014/SNV-CCHC&VTLT', None, '2025-08-22', 'Sở Nội vụ'),
    ('043_bc-mohin', 'Công văn số 1097/SKHCN-CĐS ngày 16/9/2025 của Sở Khoa học và Công nghệ', 'Công văn', '1097/SKHCN-CĐS', None, '2025-09-16', 'Sở Khoa học và Công nghệ'),
    ('043_bc-mohin', 'Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh', 'Quyết định', '1441/QĐ-UBND', None, '2025-09-25', 'Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng'),
    ('043_bc-mohin', 'Công văn số 2402/SNV-CCHC&VTLT ngày 27/10/2025', 'Công văn', '2402/SNV-CCHC&VTLT', None, '2025-10-27', 'Sở Nội vụ'),
    ('048_tt-3367-', 'Công văn số 2769/UBND-NCKSTTHC ngày 24/7/2024 của UBND tỉnh', 'Công văn', '2769/UBND-NCKSTTHC', None, '2024-07-24', 'Ủy ban nhân dân tỉnh Bình Thuận'),
    ('048_tt-3367-', 'Nghị định số 126/2024/NĐ-CP', 'Nghị định', '126/2024/NĐ-CP', None, None, 'Chính phủ'),
    ('048_tt-3367-', 'Nghị định số 45/2010/NĐ-CP', 'Nghị định', '45/2010/NĐ-CP', None, None, None),
    ('048_tt-3367-', 'Nghị định số 33/2012/NĐ-CP', 'Nghị định', '33/2012/NĐ-CP', None, '2012-04-13', 'Chính phủ'),
    ('048_tt-3367-', 'Công văn số 3342/SNV-TCCC ngày 26/11/2024', 'Công văn', '3342/SNV-TCCC', None, '2024-11-26', None),
    ('048_tt-3367-', 'Công văn số 2328/SNV-', 'Công văn', '2328/SNV-TCCC', None, None, 'Sở Nội vụ'),
    ('048_tt-3367-', 'Công văn số 4321/STNMT-CCBVMT', 'Công văn', '4321/STNMT-CCBVMT', None, '2024-08-14', 'Sở Tài nguyên và Môi trường'),
    ('048_tt-3367-', 'Công văn số 2903/SNV-TCCC', 'Công văn', '2903/SNV-TCCC', None, None, 'Sở Nội vụ'),
    ('048_tt-3367-', 'Công văn số 5956/STNMT-CCBVMT', 'Công văn', '5956/STNMT-CCBVMT', None, '2024-10-24', 'Sở Tài nguyên Môi trường'),
    ('048_tt-3367-', 'Công văn số 3332/SGDDT-TCCB-QLCLGD', 'Công văn', '3332/SGDDT-TCCB-QLCLGD', None, '2024-10-25', 'Sở Giáo dục và Đào tạo'),
    ('048_tt-3367-', 'Công văn số 1862/STTTT-VP', 'Công văn', '1862/STTTT-VP', None, '2024-10-25', 'Sở Thông tin và Truyền thông'),
    ('048_tt-3367-', 'Công văn số 2965/SVHTTDL-VP', 'Công văn', '2965/SVHTTDL-VP', None, '2024-10-28', None),
    ('048_tt-3367-', 'Công văn số 3354/SGTVT-VP', 'Công văn', '3354/SGTVT-VP', None, '2024-10-29', 'Sở Giao Thông Vận Tải'),
    ('048_tt-3367-', 'Công văn số 3454/SNN-VP', 'Công văn', '3454/SNN-VP', None, '2024-10-29', 'Sở Nông nghiệp và phát triển nông thôn'),
    ('048_tt-3367-', 'Công văn số 1774/STTTT-VP ngày 10/10/2024', 'Công văn', '1774/STTTT-VP', None, '2024-10-10', 'Sở Thông tin và Truyền thông'),
    ('048_tt-3367-', 'Công văn số 2575/SNV-TCCC ngày 24/9/2024 của Sở Nội vụ', 'Công văn', '2575/SNV-TCCC', None, '2024-09-24', 'Sở Nội vụ'),
    ('048_tt-3367-', 'Công văn số 3191/SXD-VP ngày 25/10/2024', 'Công văn', '3191/SXD-VP', None, '2024-10-25', None),
    ('050_md-nq-16', 'Hiến pháp', 'Hiến pháp', None, 'Hiến pháp', None, None),
    ('050_md-nq-16', 'Nghị quyết số 203/2025/QH15', 'Nghị quyết', '203/2025/QH15', None, None, None),
    ('050_md-nq-16', 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15', 'Luật', '72/2025/QH15', None, None, None),
    ('050_md-nq-16', 'Nghị quyết số 76/2025/UBTVQH15 ngày 14 tháng 4 năm 2025 của Ủy ban Thư', 'Nghị quyết', '76/2025/UBTVQH15', None, '2025-04-14', 'Ủy ban Thường vụ Quốc hội'),
    ('050_md-nq-16', 'Tờ trình số 342/TTr-CP', 'Tờ trình', '342/TTr-CP', None, '2025-05-09', 'Chính phủ'),
    ('050_md-nq-16', 'Đề án số 343/ĐA-CP', 'Đề án', '343/ĐA-CP', None, '2025-05-09', 'Chính phủ'),
    ('050_md-nq-16', 'Báo cáo thẩm tra số 433/BC-UBPLTP15 ngày 03 tháng 6 năm 2025 của Ủy ba', 'Báo cáo', '433/BC-UBPLTP15', None, '2025-06-03', 'Ủy ban Pháp luật và Tư pháp'),
    ('000_009e8832', 'Kế hoạch số 02 - KH/BCĐ.QCDC ngày 17 tháng 01 năm 2021 của Ban chỉ đạo', 'Kế hoạch', '02-KH/BCĐ.QCDC', None, '2021-01-17', 'Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở thành phố Vũng Tàu'),
    ('000_009e8832', 'Kế hoạch số 120/KH-PNV', 'Kế hoạch', '120/KH-PNV', None, None, 'Ủy ban nhân dân thành phố Vũng Tàu'),
    ('000_009e8832', 'Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị', 'Kết luận', '120-KL/TW', None, '2016-01-07', 'Bộ Chính trị'),
    ('000_009e8832', 'Chỉ thị số 45/CT/TW ngày 20/6/2020 của Bộ Chính trị', 'Chỉ thị', '45/CT/TW', None, '2020-06-20', 'Bộ Chính trị'),
    ('000_009e8832', 'Nghị định số 04/2015/ NĐ-CP của Chính phủ', 'Nghị định', '04/2015/NĐ-CP', None, None, 'Chính phủ'),
    ('000_009e8832', 'Thông tư số 01/2016/TT-BNV của Bộ Nội vụ', 'Thông tư', '01/2016/TT-BNV', None, None, 'Bộ Nội vụ'),
    ('000_009e8832', 'Pháp lệnh 34', 'Pháp lệnh', '34/2007/PL-UBTVQH11', None, None, None),
    ('000_009e8832', 'Quyết định số 17-QĐ/BCĐ.QCDC ngày 28/3/2018 của BCĐ.QCDC tỉnh', 'Quyết định', '17-QĐ/BCĐ.QCDC', None, '2018-03-28', None),
    ('001_9adf04b5', 'Quyết định số 686-QĐ/TU ngày 6/7/2022 của Ban Thường vụ Tỉnh ủy', 'Quyết định', '686-QĐ/TU', None, '2022-07-06', 'Ban Thường vụ Tỉnh ủy'),
    ('002_b2209b56', 'Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ', 'Chỉ thị', '16/CT-TTg', None, '2016-05-16', 'Thủ tướng Chính phủ'),
    ('002_b2209b56', 'Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ', 'Chỉ thị', '33/CT-TTg', None, '2021-11-26', 'Thủ tướng Chính phủ'),
    ('002_b2209b56', 'Kết luận 114-KL/TW ngày 14/7/2015 của Ban Bí thư', 'Kết luận', '114-KL/TW', None, '2015-07-14', 'Ban Bí thư'),
    ('002_b2209b56', 'Kết luận số 43- KL/TW ngày 07/01/2019 của Ban Bí thư', 'Kết luận', '43-KL/TW', None, '2019-01-07', 'Ban Bí thư'),
    ('002_b2209b56', 'Nghị quyết số 25- NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đả', 'Nghị quyết', '25-NQ/TW', None, '2013-06-03', 'Ban Chấp hành Trung ương Đảng'),
    ('002_b2209b56', 'Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị', 'Quyết định', '23-QĐ/TW', None, '2021-07-30', 'Bộ Chính trị'),
    ('002_b2209b56', 'Kế hoạch số 193-KH/TU ngày 28/02/2019 của Ban Thường vụ Tỉnh ủy', 'Kế hoạch', '193-KH/TU', None, '2019-02-28', 'Ban Thường vụ Tỉnh ủy'),
    ('002_b2209b56', 'Quyết định số 400-QĐ/TU', 'Quyết định', '400-QĐ/TU', None, '2021-11-22', 'Ban Thường vụ Tỉnh ủy'),
    ('002_b2209b56', 'Kế hoạch số 46-KH/TU ngày 08/10/2021 của Ban Thường vụ Tỉnh ủy', 'Kế hoạch', '46-KH/TU', None, '2021-10-08', 'Ban Thường vụ Tỉnh ủy'),
    ('002_b2209b56', 'Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị', 'Kết luận', '01-KL/TW', None, '2021-05-18', 'Bộ Chính trị'),
    ('002_b2209b56', 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị', 'Chỉ thị', '05-CT/TW', None, '2016-05-15', 'Bộ Chính trị'),
    ('002_b2209b56', 'Quyết định số 602/QĐ-UBND ngày 17/9/2021 của Ủy ban nhân dân tỉnh', 'Quyết định', '602/QĐ-UBND', None, '2021-09-17', 'Ủy ban nhân dân tỉnh Gia Lai'),
    ('002_b2209b56', 'Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ', 'Quyết định', '1847/QĐ-TTg', None, '2018-12-27', 'Thủ tướng Chính phủ'),
    ('002_b2209b56', 'Luật Tiếp công dân', 'Luật', None, 'Luật Tiếp công dân', None, None),
    ('002_b2209b56', 'Luật Tiếp cận thông tin', 'Luật', None, 'Luật Tiếp cận thông tin', None, None),
    ('002_b2209b56', 'Quyết định số 553-QĐ/TU ngày 14/3/2017 của Ban Thường vụ Tỉnh ủy', 'Quyết định', '553-QĐ/TU', None, '2017-03-14', 'Ban Thường vụ Tỉnh ủy'),
    ('002_b2209b56', 'Quyết định số 554-QĐ/TU ngày 14/3/2017 của Ban Thường vụ Tỉnh ủy', 'Quyết định', '554-QĐ/TU', None, '2017-03-14', 'Ban Thường vụ Tỉnh ủy'),
    ('002_b2209b56', 'Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị', 'Quyết định', '217-QĐ/TW', None, '2013-12-12', 'Bộ Chính trị'),
    ('002_b2209b56', 'Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị', 'Quyết định', '218-QĐ/TW', None, '2013-12-12', 'Bộ Chính trị'),
    ('003_40dd8128', 'Chỉ thị số 05-CT/TW ngày 15 tháng 5 năm 2016 của Bộ Chính trị', 'Chỉ thị', '05-CT/TW', None, '2016-05-15', 'Bộ Chính trị'),
    ('003_40dd8128', 'Chương trình hành động số 04-CTr/QU, ngày 29 tháng 10 năm 2020 của Ban', 'Chương trình', '04-CTr/QU', None, '2020-10-29', 'Ban Thường vụ Quận ủy'),
    ('003_40dd8128', 'Đề án số 06-ĐA/TU ngày 20 tháng 8 năm 2021 của Ban Thường vụ Thành ủy', 'Đề án', '06-ĐA/TU', None, '2021-08-20', 'Ban Thường vụ Thành ủy'),
    ('003_40dd8128', 'Chỉ thị số 19/CT-UBND ngày 20 tháng 12 năm 2021 của Ủy ban nhân dân Th', 'Chỉ thị', '19/CT-UBND', None, '2021-12-20', 'Ủy ban nhân dân Thành phố Hồ Chí Minh'),
    ('003_40dd8128', 'Pháp lệnh số 34/2007/PL-UBTVQH11', 'Pháp lệnh', '34/2007/PL-UBTVQH11', None, None, None),
    ('003_40dd8128', 'Hướng dẫn số 57/HD-MTTQ-BTT ngày 28 tháng 12 năm 2021 của Ban Thường t', 'Hướng dẫn', '57/HD-MTTQ-BTT', None, '2021-12-28', 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố'),
    ('003_40dd8128', 'Nghị định số 04/2015/NĐ-CP', 'Nghị định', '04/2015/NĐ-CP', None, '2015-01-09', 'Chính phủ'),
    ('003_40dd8128', 'Thông tư số 01/2016/TT-BNV', 'Thông tư', '01/2016/TT-BNV', None, '2016-01-13', None),
    ('003_40dd8128', 'Nghị quyết số 54 của Quốc hội', 'Nghị quyết', '54', None, None, 'Quốc hội'),
    ('003_40dd8128', 'Nghị định số 149/2018/NĐ-CP ngày 07 tháng 11 năm 2018', 'Nghị định', '149/2018/NĐ-CP', None, '2018-11-07', 'Chính phủ'),
    ('004_6094e0d5', 'Nghị quyết số 39-NQ/TW', 'Nghị quyết', '39-NQ/TW', None, None, 'Bộ Chính trị'),
    ('004_6094e0d5', 'Nghị quyết số 18-NQ/TW', 'Nghị quyết', '18-NQ/TW', None, None, 'Ban Chấp hành Trung ương Đảng'),
    ('004_6094e0d5', 'Nghị quyết số 19-NQ/TW', 'Nghị quyết', '19-NQ/TW', None, None, 'Ban Chấp hành Trung ương Đảng'),
    ('004_6094e0d5', 'Pháp lệnh về thực hiện dân chủ ở xã, phường, thị trấn', 'Pháp lệnh', '34/2007/PL-UBTVQH11', None, None, None),
    # blind batch 5: law names joined by commas, capitals after the comma included; its acronym
    # "Luật KH, CN&ĐMST" is the same law (initials without "và")
    ('243_cv-5680', 'Luật Khoa học, Công nghệ và Đổi mới sáng tạo số', 'Luật', '93/2025/QH15', None, None, None),
    ('148_ct-bct', 'Luật Chất lượng sản phẩm, hàng hóa', 'Luật', None, 'Luật Chất lượng sản phẩm, hàng hóa', None, None),
    ('175_nq-25', 'Luật Thuế xuất khẩu, thuế nhập khẩu', 'Luật', '107/2016/QH13', None, None, None),
    # an amending law names every law it amends
    ('189_tt-11', 'Luật Nhà ở, Luật Kinh doanh bất động sản', 'Luật', None, 'Luật sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở, Luật Kinh doanh bất động sản và Luật Các tổ chức tín dụng', '2024-06-29', None),
    ('189_tt-11', 'Luật Tổ chức Chính phủ và Luật Tổ chức', 'Luật', None, 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương', '2019-11-22', None),
    # "hành" runs on ("... vi phạm hành chính"); a law's number after its name without "số"
    ('201_qd-kiemtra', 'Luật xử lý vi phạm hành chính', 'Luật', None, 'Luật xử lý vi phạm hành chính', None, None),
    ('201_qd-kiemtra', 'Luật Hóa chất 69/2025/QH15', 'Luật', '69/2025/QH15', None, None, None),
    # the Icelandic "Ð" printed for "Đ" in the number: normalised
    ('212_news-bdn', 'Nghị định số 58/2025/NĐ-CP', 'Nghị định', '58/2025/NĐ-CP', None, '2025-03-03', None),
]


def _refs(name: str) -> tuple[str, list[LegalRef]]:
    parsed = parse(normalize(corpus_text(name)).text)
    return parsed.text, extract(parsed)


_CACHE: dict[str, tuple[str, list[LegalRef]]] = {}


def _cached(name: str) -> tuple[str, list[LegalRef]]:
    if name not in _CACHE:
        _CACHE[name] = _refs(name)
    return _CACHE[name]


@pytest.mark.parametrize(("doc", "written", "doc_type", "number", "name", "date", "issuer"), REAL)
def test_real_citation(doc, written, doc_type, number, name, date, issuer):
    text, refs = _cached(doc)
    assert written in text, f"{written!r} is not in {doc}"
    hits = [r for r in refs if r.doc_type == doc_type and (r.number == number if number else fold(r.name or "") == fold(name))]
    assert len(hits) == 1, [r.id for r in refs]
    ref = hits[0]
    assert text[ref.start : ref.end] == ref.text
    assert fold(ref.id) == fold(f"{doc_type} {number or name}")
    if date:
        assert ref.date == date
    if issuer:
        assert fold(ref.issuer or "") == fold(issuer)


def test_real_table_is_large_enough():
    assert len(REAL) >= 80
    assert len({row[0] for row in REAL}) >= 15


# ---------------------------------------------------------------- whole documents


def test_short_forms_join_full_form_and_table():
    # "(Theo Pháp lệnh 34 và Nghị định 04)" after "Nghị định số 04/2015/ NĐ-CP"
    _, refs = _cached("000_009e8832")
    by_id = {r.id: r for r in refs}
    assert "Nghị định 04/2015/NĐ-CP" in by_id
    assert by_id["Nghị định 04/2015/NĐ-CP"].mentions >= 5
    assert by_id["Pháp lệnh 34/2007/PL-UBTVQH11"].resolved_by == "table"
    assert not any(r.number in ("04", "34") for r in refs)


def test_party_issuer_drops_term_and_date_after_comma():
    _, refs = _cached("000_009e8832")
    ref = next(r for r in refs if r.number == "120-KL/TW")
    assert (ref.date, ref.issuer, ref.relation) == ("2016-01-07", "Bộ Chính trị", "theo")
    assert ref.title.startswith("về tiếp tục đẩy mạnh")


def test_pinpoints_before_the_type():
    # "theo Điều 04, 05, 06, 07 Nghị định số 149/2018/NĐ-CP của Chính phủ"
    _, refs = _cached("003_40dd8128")
    ref = next(r for r in refs if r.number == "149/2018/NĐ-CP")
    assert ref.articles == ["Điều 4", "Điều 5", "Điều 6", "Điều 7"]


def test_bare_number_stays_as_written():
    _, refs = _cached("003_40dd8128")
    ref = next(r for r in refs if r.doc_type == "Nghị quyết")
    assert (ref.number, ref.issuer) == ("54", "Quốc hội")


def test_own_number_is_not_a_reference():
    text, refs = _cached("002_b2209b56")
    assert "14/CT-UBND" in text
    assert all(r.number != "14/CT-UBND" for r in refs)


def test_pháp_lệnh_by_name_resolves_through_table():
    _, refs = _cached("004_6094e0d5")
    ref = next(r for r in refs if r.doc_type == "Pháp lệnh")
    assert ref.number == "34/2007/PL-UBTVQH11"


def test_acronym_and_alias_join_the_law():
    # "Luật bảo hiểm y tế số 25/2008/QH12 ... theo Luật số 46/2014/QH13 ... (sau đây gọi là Luật BHYT)"
    _, refs = _cached("026_cv-627-b")
    assert not any(r.name == "Luật BHYT" for r in refs)
    assert {r.number for r in refs if r.doc_type == "Luật"} == {"25/2008/QH12", "46/2014/QH13"}


def test_a_lawyer_is_not_a_law(extract_corpus):
    # "Luật sư Huỳnh Tho": a lawyer's title before a name
    refs = extract_corpus("221_tt_trinh").legal_refs
    assert not [r.name for r in refs if r.name and r.name.startswith("Luật sư ")]


def test_bar_association_is_not_a_law():
    _, refs = _cached("019_qd-hopnh")
    assert not any((r.name or "").startswith("Luật sư tỉnh") for r in refs)


def test_province_added_to_bare_provincial_issuer():
    _, refs = _cached("012_qd-435-u")
    ref = next(r for r in refs if r.number == "2401/KH-UBND")
    assert ref.issuer == "Ủy ban nhân dân tỉnh Kon Tum"


def test_issuer_written_before_the_citation():
    # "ngày 14/8/2024, Sở Tài nguyên và Môi trường có Công văn số 4321/STNMT-CCBVMT"
    _, refs = _cached("048_tt-3367-")
    ref = next(r for r in refs if r.number == "4321/STNMT-CCBVMT")
    assert (ref.issuer, ref.date) == ("Sở Tài nguyên và Môi trường", "2024-08-14")


# ---------------------------------------------------------------- noise variants (written here)


def _one(text: str, header: str = "") -> list[LegalRef]:
    parsed = parse(normalize(header + text).text)
    return extract(parsed)


NOISE = [
    # (text, doc_type, number, date, issuer)
    ("Căn cứ Nghị định số 04/2015/ NĐ-CP của Chính phủ;", "Nghị định", "04/2015/NĐ-CP", None, "Chính phủ"),
    ("thực hiện Kết luận số 43- KL/TW ngày 07/01/2019 của Ban Bí thư;", "Kết luận", "43-KL/TW", "2019-01-07", "Ban Bí thư"),
    ("Thực hiện Kế hoạch số 02 - KH/BCĐ.QCDC ngày 17 tháng 01 năm 2021;", "Kế hoạch", "02-KH/BCĐ.QCDC", "2021-01-17", None),
    ("gắn với thực hiện nghiêm Chỉ thị số 45/CT/TW ngày 20/6/2020 của Bộ Chính trị (khóa XII);", "Chỉ thị", "45/CT/TW", "2020-06-20", "Bộ Chính trị"),
    ("theo Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị (khóa XI) về việc.", "Kết luận", "120-KL/TW", "2016-01-07", "Bộ Chính trị"),
    ("Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09 tháng\n01 năm 2015 của Chính phủ;", "Nghị định", "04/2015/NĐ-CP", "2015-01-09", "Chính phủ"),
    ("Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09\ntháng 01 năm 2015;", "Nghị định", "04/2015/NĐ-CP", "2015-01-09", None),
    ("theo Quyết định số 17-QĐ/BCĐ.QCDC ngày 28/3/2018.", "Quyết định", "17-QĐ/BCĐ.QCDC", "2018-03-28", None),
    ("Căn cứ Pháp lệnh số 34/2007/PL-UBTVQH11;", "Pháp lệnh", "34/2007/PL-UBTVQH11", None, None),
    ("Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội;", "Luật", "10/2022/QH15", "2022-11-10", "Quốc hội"),
    ("Căn cứ Thông tư liên tịch số 12/2015/TTLT-BNV-BTC;", "Thông tư liên tịch", "12/2015/TTLT-BNV-BTC", None, None),
    ("thực hiện Chương trình hành động số 51-CTr/TU ngày 09/02/2018 của Tỉnh ủy;", "Chương trình", "51-CTr/TU", "2018-02-09", "Tỉnh ủy"),
    ("theo Hướng dẫn số 57/HD-MTTQ-BTT ngày 28/12/2021;", "Hướng dẫn", "57/HD-MTTQ-BTT", "2021-12-28", None),
    ("theo Công văn số 1014/SNV-CCHC&VTLT ngày 22/8/2025 của Sở Nội vụ;", "Công văn", "1014/SNV-CCHC&VTLT", "2025-08-22", "Sở Nội vụ"),
    ("theo Văn bản số 4756/BTP-KTVB ngày 05/8/2025 của Bộ Tư pháp.", "Công văn", "4756/BTP-KTVB", "2025-08-05", "Bộ Tư pháp"),
    ("theo Thông báo kết luận số 12/TB-UBND ngày 02/3/2026;", "Thông báo", "12/TB-UBND", "2026-03-02", None),
    ("theo Quy định số 11-QĐi/TW;", "Quy định", "11-QĐi/TW", None, None),
    ("theo Quy chế số 05/QC-UBND;", "Quy chế", "05/QC-UBND", None, None),
    ("theo Đề án số 06-ĐA/TU ngày 20 tháng 8 năm 2021;", "Đề án", "06-ĐA/TU", "2021-08-20", None),
    ("Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội;", "Nghị quyết", "202/2025/QH15", "2025-06-12", "Quốc hội"),
    ("theo Quyết định số 1249a/QĐ-BTP;", "Quyết định", "1249a/QĐ-BTP", None, None),
    ("của Ủy ban nhân dân tỉnh tại Kế hoạch số 12/KH-UBND;", "Kế hoạch", "12/KH-UBND", None, None),
    ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Hiến pháp", None, None, None),
    ("Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;", "Bộ luật", None, "2015-11-24", None),
]


@pytest.mark.parametrize(("text", "doc_type", "number", "date", "issuer"), NOISE)
def test_noise_variant(text, doc_type, number, date, issuer):
    refs = _one(text)
    assert len(refs) == 1, [r.id for r in refs]
    ref = refs[0]
    assert (ref.doc_type, ref.number, ref.date) == (doc_type, number, date)
    if issuer:
        assert ref.issuer == issuer


def test_list_of_numbers_shares_type_date_and_issuer():
    refs = _one("Căn cứ các Nghị định số 04/2015/NĐ-CP, 149/2018/NĐ-CP của Chính phủ;")
    assert [(r.doc_type, r.number, r.issuer) for r in refs] == [
        ("Nghị định", "04/2015/NĐ-CP", "Chính phủ"),
        ("Nghị định", "149/2018/NĐ-CP", "Chính phủ"),
    ]
    refs = _one("Quyết định số 553-QĐ/TU, 554-QĐ/TU ngày 14/3/2017 của Ban Thường vụ Tỉnh ủy.")
    assert [(r.number, r.date, r.issuer) for r in refs] == [
        ("553-QĐ/TU", "2017-03-14", "Ban Thường vụ Tỉnh ủy"),
        ("554-QĐ/TU", "2017-03-14", "Ban Thường vụ Tỉnh ủy"),
    ]
    refs = _one("Kết luận số 114-KL/TW ngày 14/7/2015, số 43-KL/TW ngày 07/01/2019 của Ban Bí thư.")
    assert [(r.number, r.date) for r in refs] == [("114-KL/TW", "2015-07-14"), ("43-KL/TW", "2019-01-07")]


def test_self_and_generic_mentions_are_not_references():
    assert _one("Quyết định này có hiệu lực kể từ ngày ký. Chỉ thị này được phổ biến.") == []
    assert _one("theo Nghị quyết của Chính phủ và các văn bản quy phạm pháp luật.") == []
    assert _one("xây dựng Luật Địa chất và Khoáng sản; Kế hoạch 5 năm.") == []


def test_laws_by_name_and_short_forms():
    refs = _one(
        "thực hiện Luật Tiếp công dân, Luật Tiếp cận thông tin; theo Nghị định số 04/2015/NĐ-CP. "
        "Thực hiện Nghị định 04 và Pháp lệnh 34."
    )
    assert [r.id for r in refs] == [
        "Luật Luật Tiếp công dân",
        "Luật Luật Tiếp cận thông tin",
        "Nghị định 04/2015/NĐ-CP",
        "Pháp lệnh 34/2007/PL-UBTVQH11",
    ]
    assert refs[2].mentions == 2


def test_clause_pinpoint_and_relation():
    refs = _one("Căn cứ khoản 2 Điều 5 Nghị định số 149/2018/NĐ-CP của Chính phủ;")
    assert (refs[0].articles, refs[0].relation) == (["khoản 2 Điều 5"], "căn cứ")


def test_longer_type_words_cite_only_with_a_number():
    refs = _one("Nghị quyết liên tịch này có hiệu lực. Thực hiện Nghị quyết liên tịch số 01/2020/NQLT-BTP-VKSNDTC.")
    assert [(r.doc_type, r.number, r.text) for r in refs] == [
        ("Nghị quyết", "01/2020/NQLT-BTP-VKSNDTC", "Nghị quyết liên tịch số 01/2020/NQLT-BTP-VKSNDTC")
    ]
    refs = _one("Triển khai Chương trình hành động số 12-CTr/TU của Tỉnh ủy; Kế hoạch liên tịch, Kế hoạch.")
    assert [(r.doc_type, r.number, r.issuer) for r in refs] == [("Chương trình", "12-CTr/TU", "Tỉnh ủy")]


def test_title_runs_over_commas_and_và_up_to_a_listed_citation():
    refs = _one(
        "Căn cứ Nghị định số 04/2015/NĐ-CP ngày 12/3/2015 của Chính phủ về dân chủ, công khai và minh bạch "
        "và Nghị định số 149/2018/NĐ-CP."
    )
    assert [(r.number, r.title) for r in refs] == [
        ("04/2015/NĐ-CP", "về dân chủ, công khai và minh bạch"),
        ("149/2018/NĐ-CP", None),
    ]


def test_issuer_stops_at_the_spaces_before_a_line_break():
    refs = _one("Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh \nvề việc triển khai.")
    assert [(r.issuer, r.text) for r in refs] == [("Ủy ban nhân dân tỉnh", "Kế hoạch số 12/KH-UBND của UBND tỉnh")]


def test_relation_of_the_last_clause_start_after_blank_lines():
    refs = _one("Các nội dung sau:\n\n- Căn cứ kết quả rà soát, đề xuất tại Báo cáo số 15/BC-STP;\nTheo đó, Tờ trình số 7/TTr-SNV.")
    assert [(r.number, r.relation) for r in refs] == [("15/BC-STP", "căn cứ"), ("7/TTr-SNV", "theo")]


def test_span_is_exact():
    text = "Thực hiện Kế hoạch số 02 - KH/BCĐ.QCDC ngày 17 tháng 01 năm 2021 của Ban chỉ đạo."
    parsed = parse(normalize(text).text)
    ref = extract(parsed)[0]
    assert parsed.text[ref.start : ref.end] == ref.text
    assert ref.text.startswith("Kế hoạch số 02 - KH/BCĐ.QCDC ngày 17 tháng 01 năm 2021")


# ---------------------------------------------------------------- archive


def _ref(doc_type: str, number: str, **kw) -> LegalRef:
    return LegalRef(start=0, end=1, text="x", doc_type=doc_type, number=number, id=f"{doc_type} {number}", **kw)


def test_resolve_archive_uses_full_forms_of_other_documents():
    archive = {
        "a": [_ref("Nghị định", "04/2015/NĐ-CP"), _ref("Pháp lệnh", "34/2007/PL-UBTVQH11")],
        "b": [_ref("Nghị định", "04"), _ref("Kết luận", "120")],
        "c": [_ref("Kết luận", "120-KL/TW"), _ref("Nghị định", "04/2015/NĐ-CP", mentions=2)],
    }
    out = resolve_archive(archive)
    assert [r.id for r in out["b"]] == ["Nghị định 04/2015/NĐ-CP", "Kết luận 120-KL/TW"]
    assert {r.resolved_by for r in out["b"]} == {"archive"}
    assert archive["b"][0].number == "04"  # inputs untouched
    assert [r.id for r in out["a"]] == [r.id for r in archive["a"]]


def test_resolve_archive_ambiguous_short_form_uses_year_or_stays():
    archive = {
        "a": [_ref("Nghị định", "04/2015/NĐ-CP"), _ref("Nghị định", "04/2019/NĐ-CP")],
        "b": [_ref("Nghị định", "04")],
        "c": [_ref("Nghị định", "04", date="2019-01-10")],
    }
    out = resolve_archive(archive)
    assert out["b"][0].number == "04"
    assert out["c"][0].number == "04/2019/NĐ-CP"


def test_resolve_archive_merges_duplicates_after_resolution():
    archive = {"a": [_ref("Nghị định", "04/2015/NĐ-CP")], "b": [_ref("Nghị định", "04/2015/NĐ-CP"), _ref("Nghị định", "04")]}
    out = resolve_archive(archive)
    assert len(out["b"]) == 1 and out["b"][0].mentions == 2


# ---------------------------------------------------------------- linear time


def _adversarial(size: int) -> str:
    unit = (
        "Nghị định số " + "1/" * 40 + " số số số số " + "9" * 50 + " Kết luận số 120- - - / / / "
        "Luật " + "Tổ chức " * 20 + "ngày 1/1/ của " + "Ban " * 30 + "Điều 1, 2, 3, 4, 5, " * 5 + "\n"
    )
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(text: str) -> float:
    """CPU seconds of this process (other processes' load does not count), best of 5: a small
    case takes milliseconds, and one disturbed run must not decide the ratio."""
    parsed = parse(text)
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        extract(parsed)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("kind", ["mixed", "digits", "slashes", "so"])
def test_linear_time_on_adversarial_input(kind):
    makers = {
        "mixed": _adversarial,
        "digits": lambda n: ("Nghị định số " + "0" * 300 + " " + "7" * 2000 + " ") * (n // 2314 + 1),
        "slashes": lambda n: ("Kết luận số 1" + "/1-" * 100 + " " + "//1" * 500 + "\n") * (n // 1815 + 1),
        "so": lambda n: ("Quyết định " + "số " * 100 + "số số 1/ " * 100) * (n // 1211 + 1),
    }
    # 150 KB against 1.5 MB: ten times the text must cost about ten times the time, not a
    # hundred as a quadratic scan would (a small base keeps timer noise from dominating the
    # ratio; the bound leaves room for a machine whose speed drifts between the two runs)
    small, large = makers[kind](150_000)[:150_000], makers[kind](1_500_000)[:1_500_000]
    ratio = _seconds(large) / max(_seconds(small), 1e-6)
    assert ratio < 25, ratio


def test_issuer_stops_before_the_verb_that_cites_another_instrument(extract_corpus):
    # 040: "Kế hoạch số 677/KH-UBND ngày 25/02/2025 của UBND tỉnh thực hiện Nghị quyết số 03/NQ-CP ..."
    refs = {r.number: r for r in extract_corpus("040_bc-cchc").legal_refs}
    assert refs["677/KH-UBND"].issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert refs["03/NQ-CP"].issuer == "Chính phủ"


def test_a_provincial_body_without_its_province_gets_the_documents(extract_corpus):
    # 017 (Lâm Đồng): "Tờ trình số 519/TTr-CAT-PC06 ngày 24 tháng 12 năm 2025" of "Công an tỉnh"
    refs = {r.number: r for r in extract_corpus("017_qd-bcd").legal_refs}
    assert refs["519/TTr-CAT-PC06"].issuer == "Công an tỉnh Lâm Đồng"


def test_date_and_issuer_written_before_the_citation_at_a_sentence_start(extract_corpus):
    # 048: "Ngày 08/10/2024, Chính phủ ban hành Nghị định số 126/2024/NĐ-CP ..."
    refs = {r.number: r for r in extract_corpus("048_tt-3367").legal_refs}
    assert (refs["126/2024/NĐ-CP"].date, refs["126/2024/NĐ-CP"].issuer) == ("2024-10-08", "Chính phủ")
    # "Ngày 30/8/2024, Sở Nội vụ có Công văn số 2328/SNV-TCCC ..."
    assert (refs["2328/SNV-TCCC"].date, refs["2328/SNV-TCCC"].issuer) == ("2024-08-30", "Sở Nội vụ")


def test_one_name_with_two_dates_is_two_laws():
    # blind batch 7 (182): "Luật sửa đổi, bổ\nsung một số điều của Luật bảo hiểm y tế ngày 13 tháng 6
    # năm 2014; Luật sửa đổi,\nbổ sung một số điều của Luật bảo hiểm y tế ngày 27 tháng 11 năm 2024"
    _, refs = _cached("182_qd-844-ttg")
    name = "Luật sửa đổi, bổ sung một số điều của Luật bảo hiểm y tế"
    assert sorted(r.date for r in refs if r.name == name) == ["2014-06-13", "2024-11-27"]
