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
