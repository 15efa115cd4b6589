"""Scoring rules of the contract, on small hand-made records."""

from __future__ import annotations

from pipeline.evaluate import score


def _report(gold, pred):
    return score({"d": gold}, {"d": pred})


def test_document_fields_match_after_normalisation():
    gold = {"issuer": "Ủy ban nhân dân tỉnh Gia Lai", "title": "Về đổi mới công tác dân vận", "number": "14/CT-UBND"}
    pred = {"issuer": "UBND  tỉnh Gia Lai", "title": "VỀ ĐỔI MỚI CÔNG TÁC DÂN VẬN", "number": "14/CT-UBND"}
    report = _report(gold, pred)
    assert report.accuracy("issuer") == report.accuracy("title") == report.accuracy("number") == 1.0


def test_a_document_number_is_not_expanded_as_an_abbreviation():
    report = _report({"title": "Kế hoạch số 119-KH/TU"}, {"title": "kế hoạch số 119-kh/tu"})
    assert report.accuracy("title") == 1.0


def test_legal_refs_match_one_to_one_on_type_and_number_or_name():
    gold = {
        "legal_refs": [
            {"doc_type": "Nghị định", "number": "04/2015/NĐ-CP"},
            {"doc_type": "Luật", "number": None, "name": "Luật Tiếp công dân"},
        ]
    }
    pred = {
        "legal_refs": [
            {"doc_type": "Nghị định", "number": "04/2015/NĐ-CP"},
            {"doc_type": "Nghị định", "number": "04/2015/NĐ-CP"},  # counted once
            {"doc_type": "Luật", "number": None, "name": "luật tiếp công dân"},
        ]
    }
    counts = _report(gold, pred).lists["legal_refs"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)


def test_optional_items_are_neither_required_nor_false_positives():
    gold = {
        "statistics": [{"value": 83, "unit": "cuộc"}],
        "optional": {"statistics": [{"value": 10, "unit": "phường"}]},
    }
    pred = {"statistics": [{"value": 83, "unit": "cuộc"}, {"value": 10, "unit": "phường"}]}
    counts = _report(gold, pred).lists["statistics"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_statistic_units_match_by_prefix():
    gold = {"statistics": [{"value": 1670, "unit": "lượt"}, {"value": 1810, "unit": "dịch vụ công"}]}
    pred = {"statistics": [{"value": 1670.0, "unit": "lượt công dân"}, {"value": 1810, "unit": "dịch vụ"}]}
    assert _report(gold, pred).lists["statistics"].tp == 2


def test_tasks_need_the_action_in_the_text_and_half_an_actor():
    gold = {"tasks": [{"actors": ["các Sở, ban, ngành tỉnh"], "action": "báo cáo kết quả thực hiện"}]}
    right = {"tasks": [{"actors": ["Sở, ban, ngành"], "text": "Định kỳ báo cáo kết quả thực hiện về UBND tỉnh"}]}
    wrong_actor = {"tasks": [{"actors": ["Báo Gia Lai"], "text": "Định kỳ báo cáo kết quả thực hiện"}]}
    assert _report(gold, right).lists["tasks"].tp == 1
    assert _report(gold, wrong_actor).lists["tasks"].tp == 0


def test_deadlines_match_on_date_and_recurrence_when_given():
    gold = {"deadlines": [{"date": "2022-11-15", "recurrence": "yearly"}]}
    assert _report(gold, {"deadlines": [{"date": "2022-11-15", "recurrence": "yearly"}]}).lists["deadlines"].tp == 1
    assert _report(gold, {"deadlines": [{"date": "2022-11-15"}]}).lists["deadlines"].tp == 0


def test_missing_prediction_counts_against_every_field():
    report = score({"d": {"number": "1/QĐ-UBND", "people": [{"name": "Lê Văn A"}]}}, {})
    assert report.missing == ["d"]
    assert report.accuracy("number") == 0.0
    assert report.lists["people"].fn == 1


def test_a_partial_deadline_stands_for_the_last_day_of_its_period():
    for gold_date, pred_date in [
        ("2026", "2026-12-31"),
        ("2026-02", "2026-02-28"),
        ("2024-02", "2024-02-29"),
        ("2026-Q1", "2026-03-31"),
        ("2026-H1", "2026-06-30"),
        ("2026-06-30", "2026-H1"),
    ]:
        report = _report({"deadlines": [{"date": gold_date}]}, {"deadlines": [{"date": pred_date}]})
        assert report.lists["deadlines"].tp == 1, (gold_date, pred_date)
    report = _report({"deadlines": [{"date": "2026-Q1"}]}, {"deadlines": [{"date": "2026-03-30"}]})
    assert report.lists["deadlines"].tp == 0


def test_a_gold_figure_without_a_unit_matches_on_its_value():
    gold = {"statistics": [{"value": 12.5}, {"value": 7, "unit": "xã"}]}
    pred = {"statistics": [{"value": 12.5, "unit": "ha"}, {"value": 7, "unit": ""}]}
    counts = _report(gold, pred).lists["statistics"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)  # the unit-less prediction never matches "xã"


def test_issuer_and_title_are_compared_word_for_word_commas_aside():
    gold = {"issuer": "Sở Nông nghiệp và Môi trường tỉnh Lào Cai", "title": "Về phòng, chống ma túy"}
    pred = {"issuer": "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH LÀO CAI", "title": "về phòng chống ma túy"}
    report = _report(gold, pred)
    assert report.accuracy("issuer") == report.accuracy("title") == 1.0
    assert _report({"title": "Về phòng, chống ma túy"}, {"title": "Về chống ma túy"}).accuracy("title") == 0.0


def test_a_gold_action_is_compared_as_the_normalised_text_writes_it():
    gold = {"tasks": [{"actors": [], "action": "**Khẩn trương** hoà giải | thuỷ lợi"}]}
    pred = {"tasks": [{"actors": [], "text": "Khẩn trương hòa giải\tthủy lợi trên địa bàn"}]}
    assert _report(gold, pred).lists["tasks"].tp == 1


def test_agencies_are_scored_on_matched_tasks_where_gold_gives_them():
    agency = {"name": "Sở Nội vụ tỉnh Lâm Đồng", "level": "province", "place": "Lâm Đồng", "group": False}
    gold = {"tasks": [{"actors": ["Sở Nội vụ"], "action": "tham mưu", "agencies": [agency]}]}
    pred_agency = {"name": "Sở Nội vụ tỉnh Lâm Đồng", "level": "province", "place": None, "group": False}
    pred = {"tasks": [{"actors": ["Sở Nội vụ"], "text": "tham mưu UBND tỉnh", "agencies": [pred_agency]}]}
    report = _report(gold, pred)
    assert report.agency_total == 1
    assert report.agency_accuracy("name") == report.agency_accuracy("group") == 1.0
    assert report.agency_accuracy("place") == 0.0


def test_each_gold_agency_is_compared_with_the_agency_of_the_same_actor():
    """The prediction lists its actors in another order and names one more: each gold agency is
    compared with the agency read from the actor sharing its words, not with the one at its index;
    names compare with punctuation aside, places without their unit word."""
    gold_agencies = [
        {"name": "Sở Văn hóa, Thể thao và Du lịch tỉnh Kon Tum", "level": "province", "place": "Kon Tum", "group": False},
        {"name": "các sở, ban, ngành", "level": "province", "place": "Kon Tum", "group": True},
    ]
    gold = {"tasks": [{"actors": ["Sở Văn hóa - Thể thao và Du lịch", "Các sở, ban, ngành"], "action": "tổ chức", "agencies": gold_agencies}]}
    predicted = [
        {"name": "Công an tỉnh Kon Tum", "level": "province", "place": "Kon Tum", "group": False, "text": "Công an tỉnh"},
        {"name": "các sở, ban, ngành", "level": "province", "place": "tỉnh Kon Tum", "group": True, "text": "Các sở, ban, ngành"},
        {"name": "Sở Văn hóa - Thể thao và Du lịch tỉnh Kon Tum", "level": "province", "place": "Kon Tum", "group": False,
         "text": "Sở Văn hóa - Thể thao và Du lịch"},
    ]
    pred = {"tasks": [{"actors": [a["text"] for a in predicted], "text": "tổ chức tuyên truyền", "agencies": predicted}]}
    report = _report(gold, pred)
    assert report.agency_total == 2
    assert all(report.agency_accuracy(part) == 1.0 for part in ("name", "level", "place", "group"))


def test_an_actor_the_prediction_lacks_does_not_shift_the_others():
    """126's investment bodies: gold lists the Sở Tài chính first, the prediction misses it. The
    two boards the prediction names are each compared with their own gold agency; only the missed
    department counts as wrong (it falls back on no neighbour, both being taken)."""
    names = ["Sở Tài chính tỉnh Đắk Lắk", "Ban quản lý Khu Kinh tế Phú Yên", "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên"]
    gold_agencies = [{"name": n, "level": "province", "place": "Đắk Lắk", "group": False} for n in names]
    gold = {"tasks": [{"actors": ["Sở Tài chính", *names[1:]], "action": "tiếp nhận hồ sơ", "agencies": gold_agencies}]}
    predicted = [{**a, "text": a["name"]} for a in gold_agencies[1:]]
    pred = {"tasks": [{"actors": [a["text"] for a in predicted], "text": "tiếp nhận hồ sơ dự án", "agencies": predicted}]}
    report = _report(gold, pred)
    assert report.agency_total == 3
    assert report.agency_correct["name"] == 2


def test_the_resolver_is_scored_on_the_gold_actors_in_the_gold_setting():
    gold = {
        "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng",
        "place": "Lâm Đồng",
        "issue_date": "2026-01-10",
        "tasks": [
            {
                "actors": ["Văn phòng UBND tỉnh", "Thủ trưởng các sở, ban, ngành"],
                "action": "theo dõi",
                "agencies": [
                    {"name": "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", "level": "province", "place": "Lâm Đồng", "group": False},
                    {"name": "các sở, ban, ngành tỉnh Lâm Đồng", "level": "province", "place": "Lâm Đồng", "group": True},
                ],
            }
        ],
    }
    report = _report(gold, {"tasks": []})  # no task predicted: only the resolver is scored
    assert (report.agency_total, report.resolver_total) == (0, 2)
    assert report.resolver_accuracy("name") == 0.5  # the gold group names its province, against the rule
    assert report.resolver_accuracy("place") == report.resolver_accuracy("group") == 1.0
    assert report.to_json()["agencies_from_gold_actors"]["gold"] == 2


def test_per_document_f1_counts_figures_invented_where_none_are_expected():
    gold_docs = {"a": {"statistics": [{"value": 5, "unit": "xã"}]}, "b": {"statistics": []}}
    predictions = {"a": {"statistics": [{"value": 5, "unit": "xã"}]}, "b": {"statistics": [{"value": 2, "unit": "con số"}]}}
    report = score(gold_docs, predictions)
    assert report.lists["statistics"].f1 == 2 * 1 * 0.5 / 1.5
    assert report.macro_f1("statistics") == 0.5


def test_gold_of_an_archive_document_finds_its_text_in_the_shared_archive(tmp_path):
    from pipeline.evaluate import text_for_gold

    corpus = tmp_path / "corpus"
    (corpus / "archive").mkdir(parents=True)
    (corpus / "archive" / "100_x.txt").write_text("ỦY BAN NHÂN DÂN", encoding="utf-8")
    gold = tmp_path / "gold" / "blind-1" / "100_x.gold.json"
    gold.parent.mkdir(parents=True)
    gold.write_text("{}", encoding="utf-8")
    assert text_for_gold(gold, corpus) == corpus / "archive" / "100_x.txt"
