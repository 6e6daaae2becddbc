from matviet_desktop.core.text import fold, search_text


def test_fold_removes_diacritics_and_case() -> None:
    assert fold("Nguyễn Thị Ánh  Đào") == "nguyen thi anh dao"
    assert fold("HUỲNH Phước Lộc") == "huynh phuoc loc"
    assert fold(None) == ""


def test_search_text_holds_name_and_both_phone_forms() -> None:
    text = search_text("Trần Văn Đức", "+84912345678", "Duc@Example.vn")
    assert text == "tran van duc 84912345678 0912345678 duc@example.vn"
