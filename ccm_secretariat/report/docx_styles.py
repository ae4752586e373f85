"""The Word document's own styles, list numbering, headers, footers and properties: what a UN template gives a
secretary, so that the text carries styles and not direct formatting, and a paragraph inserted in Word with the
numbered style renumbers the rest."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ccm_secretariat.application import APP_NAME, VERSION

if TYPE_CHECKING:
    from typing import Any

FONT = "Times New Roman"
INDENT = 680  # twips: 1.2 cm, where UN text begins after its paragraph number
CHAPTERS, PARAGRAPHS = 9001, 9002  # the list numbering's ids (ones no template uses)
LANGUAGES = {"English": "en-GB", "French": "fr-FR", "Spanish": "es-ES", "Russian": "ru-RU", "Arabic": "ar-SA"}
RULE = {"val": "single", "sz": 6, "space": 1, "color": "000000"}

# The paragraph properties' order in the schema (children appended in any other order make an invalid file).
P_ORDER = ("keepNext", "keepLines", "pageBreakBefore", "numPr", "pBdr", "tabs", "spacing", "ind", "jc", "outlineLvl")
R_ORDER = ("rFonts", "b", "i", "color", "sz", "szCs", "lang")


def element(tag: str, *children: Any, **attributes: object) -> Any:
    """An OOXML element with w: attributes and children: <w:ind w:left="567"/> is element("w:ind", left="567")."""
    made = OxmlElement(tag)
    for name, value in attributes.items():
        made.set(qn(f"w:{name}"), str(value))
    for child in children:
        made.append(child)
    return made


def _ordered(tag: str, order: tuple[str, ...], parts: dict[str, Any]) -> Any:
    return element(tag, *(parts[name] for name in order if name in parts))


def _p(
    *,
    keep: bool = False,
    page_break: bool = False,
    numbering: tuple[int, int] | None = None,
    rule: bool = False,
    before: int = 0,
    after: int = 0,
    left: int = 0,
    hanging: int = 0,
    jc: str | None = None,
    outline: int | None = None,
) -> Any:
    parts: dict[str, Any] = {"spacing": element("w:spacing", before=before, after=after, line=240, lineRule="auto")}
    if keep:
        parts["keepNext"], parts["keepLines"] = element("w:keepNext"), element("w:keepLines")
    if page_break:
        parts["pageBreakBefore"] = element("w:pageBreakBefore")
    if numbering:
        num_id, level = numbering
        parts["numPr"] = element("w:numPr", element("w:ilvl", val=level), element("w:numId", val=num_id))
    if rule:
        parts["pBdr"] = element("w:pBdr", element("w:bottom", **RULE))
    if left or hanging:
        parts["ind"] = element("w:ind", left=left, hanging=hanging)
        if hanging:
            parts["tabs"] = element("w:tabs", element("w:tab", val="left", pos=left))
    if jc:
        parts["jc"] = element("w:jc", val=jc)
    if outline is not None:
        parts["outlineLvl"] = element("w:outlineLvl", val=outline)
    return _ordered("w:pPr", P_ORDER, parts)


def _r(*, size: float | None = None, bold: bool = False, italic: bool = False, color: str = "", lang: str = "") -> Any:
    parts: dict[str, Any] = {}
    if bold:
        parts["b"] = element("w:b")
    if italic:
        parts["i"] = element("w:i")
    if color:
        parts["color"] = element("w:color", val=color)
    if size:
        parts["sz"], parts["szCs"] = element("w:sz", val=round(size * 2)), element("w:szCs", val=round(size * 2))
    if lang:
        parts["rFonts"] = element("w:rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)
        parts["lang"] = element("w:lang", val=lang, eastAsia="zh-CN", bidi="ar-SA")
    return _ordered("w:rPr", R_ORDER, parts)


def _define(doc: Any, name: str, p_pr: Any | None, r_pr: Any, kind: Any = WD_STYLE_TYPE.PARAGRAPH) -> None:
    """The style `name`, made or taken from the template, with exactly these properties (the template's theme
    fonts, colours and borders gone)."""
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, kind)
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = doc.styles["Normal"]
    style.hidden, style.quick_style = False, True
    for old in style.element.findall(qn("w:pPr")) + style.element.findall(qn("w:rPr")):
        style.element.remove(old)
    if p_pr is not None:
        style.element.append(p_pr)
    style.element.append(r_pr)


def define_styles(doc: Any, lang: str) -> None:
    """Normal, Title, Heading 1 (numbered I., II.), Heading 2 and 3, the numbered paragraph and its sub-items
    ((a), (b)), the masthead's, the tables', the header's and the footer's; all in the document's font."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().remove(defaults)
    doc.styles.element.insert(
        0,
        element(
            "w:docDefaults",
            element("w:rPrDefault", _r(size=10, lang=lang)),
            element("w:pPrDefault", _p()),
        ),
    )
    styles: list[tuple[str, Any, Any]] = [
        ("Normal", _p(), _r(size=10, lang=lang)),
        ("Title", _p(keep=True, before=240, after=240, left=INDENT), _r(size=16, bold=True)),
        (
            "Heading 1",
            _p(keep=True, numbering=(CHAPTERS, 0), before=240, after=160, left=INDENT, hanging=INDENT, outline=0),
            _r(size=11.5, bold=True),
        ),
        ("Heading 2", _p(keep=True, before=200, after=120, left=INDENT, outline=1), _r(size=10, bold=True)),
        ("Heading 3", _p(keep=True, before=160, after=120, left=INDENT, outline=2), _r(size=10, italic=True)),
        ("Numbered Paragraph", _p(numbering=(PARAGRAPHS, 0), after=120, left=INDENT, hanging=INDENT, jc="both"), _r()),
        ("Sub-item", _p(numbering=(PARAGRAPHS, 1), after=120, left=2 * INDENT, hanging=INDENT, jc="both"), _r()),
        ("Placeholder", _p(after=120, left=INDENT, jc="both"), _r(italic=True, color="555555")),
        ("Practice Banner", _p(after=120), _r(bold=True, color="B00000")),
        ("Masthead Symbol", _p(rule=True, after=120, jc="right"), _r(size=15, bold=True)),
        ("Masthead Meeting", _p(), _r(size=12, bold=True)),
        ("Masthead Distribution", _p(), _r(size=9.5)),
        ("Masthead Original", _p(before=240), _r(size=9.5)),
        ("Place and Dates", _p(before=240), _r()),
        ("Agenda Item Title", _p(), _r(bold=True)),
        ("Annex Heading", _p(keep=True, page_break=True), _r(size=12, bold=True)),
        ("Annex Title", _p(keep=True, after=240), _r(size=12, bold=True)),
        ("Table Text", _p(), _r(size=9.5)),
        ("Table Heading", _p(keep=True), _r(size=9.5, italic=True)),
        # Between two tables with no heading of their own: Word joins tables that touch into one.
        ("Table Separator", _p(keep=True, after=240), _r(size=2)),
        ("Header", _p(rule=True, after=120), _r(size=9, bold=True)),
        ("Header Right", _p(rule=True, after=120, jc="right"), _r(size=9, bold=True)),
        ("Footer", _p(), _r(size=9, bold=True)),
        ("Footer Right", _p(jc="right"), _r(size=9, bold=True)),
    ]
    for name, p_pr, r_pr in styles:
        _define(doc, name, p_pr, r_pr)
    _define(doc, "Emphasis", None, _r(italic=True), WD_STYLE_TYPE.CHARACTER)
    _define(doc, "Hyperlink", None, _r(color="0563C1"), WD_STYLE_TYPE.CHARACTER)  # a symbol linked to the ODS
    for name in ("Header Right", "Footer Right"):
        doc.styles[name].base_style = doc.styles[name.split()[0]]
    doc.styles["Title"].next_paragraph_style = doc.styles["Normal"]
    _table_style(doc)


def _table_style(doc: Any) -> None:
    """ "UN Table": a rule above and below, one under the header row, no grid, a little room in each cell."""
    style = doc.styles.add_style("UN Table", WD_STYLE_TYPE.TABLE)
    style.base_style, style.quick_style = None, True
    rule = {key: value for key, value in RULE.items() if key != "space"}
    borders = element(
        "w:tblBorders",
        *(
            element(f"w:{edge}", **(rule if edge in ("top", "bottom") else {"val": "nil"}))
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
        ),
    )
    margins = element(
        "w:tblCellMar",
        *(
            element(f"w:{edge}", w=w, type="dxa")
            for edge, w in (("top", 40), ("left", 85), ("bottom", 40), ("right", 85))
        ),
    )
    style.element.append(_p())
    style.element.append(_r(size=9.5))
    style.element.append(element("w:tblPr", borders, margins))
    style.element.append(
        element(
            "w:tblStylePr",
            _r(italic=True),
            element("w:tcPr", element("w:tcBorders", element("w:bottom", **rule))),
            type="firstRow",
        )
    )


def _level(level: int, fmt: str, text: str, style_id: str, left: int) -> Any:
    return element(
        "w:lvl",
        element("w:start", val=1),
        element("w:numFmt", val=fmt),
        element("w:pStyle", val=style_id),
        element("w:lvlText", val=text),
        element("w:lvlJc", val="left"),
        element(
            "w:pPr",
            element("w:tabs", element("w:tab", val="num", pos=left)),
            element("w:ind", left=left, hanging=INDENT),
        ),
        ilvl=level,
    )


def define_numbering(doc: Any, first_paragraph: int) -> None:
    """Two lists: the chapters (I., II., on Heading 1) and the paragraphs (1., 2., on Numbered Paragraph, with
    their sub-items (a), (b) on Sub-item, which start again under each paragraph). The paragraphs run on across
    the chapters, from `first_paragraph`."""
    ids = {name: doc.styles[name].style_id for name in ("Heading 1", "Numbered Paragraph", "Sub-item")}
    definitions = [
        (CHAPTERS, [_level(0, "upperRoman", "%1.", ids["Heading 1"], INDENT)], 1),
        (
            PARAGRAPHS,
            [
                _level(0, "decimal", "%1.", ids["Numbered Paragraph"], INDENT),
                _level(1, "lowerLetter", "(%2)", ids["Sub-item"], 2 * INDENT),
            ],
            first_paragraph,
        ),
    ]
    numbering = doc.part.numbering_part.element
    for num_id, levels, start in definitions:
        abstract = element(
            "w:abstractNum", element("w:multiLevelType", val="multilevel"), *levels, abstractNumId=num_id
        )
        overrides = [element("w:lvlOverride", element("w:startOverride", val=start), ilvl=0)] if start != 1 else []
        num = element("w:num", element("w:abstractNumId", val=num_id), *overrides, numId=num_id)
        # The schema's order: abstract definitions, then the lists, then numIdMacAtCleanup.
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            numbering.append(num)


def _page_field(paragraph: Any) -> None:
    """A PAGE field: Word and LibreOffice put the page's number in its place."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instruction = element("w:instrText")
            instruction.text = text
            instruction.set(qn("xml:space"), "preserve")
            run._r.append(instruction)
        elif kind == "text":
            run.text = str(text)
        else:
            run._r.append(element("w:fldChar", fldCharType=kind))


def headers_and_footers(doc: Any, symbol: str) -> None:
    """The symbol in a ruled header on every page after the first, left on even pages and right on odd ones,
    the page number in the footer on the same side; the first page has the masthead and neither."""
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].style = doc.styles["Normal"]
        section.first_page_footer.paragraphs[0].style = doc.styles["Normal"]
        for header, footer, side in (
            (section.even_page_header, section.even_page_footer, ""),
            (section.header, section.footer, " Right"),
        ):
            top = header.paragraphs[0]
            top.style = doc.styles[f"Header{side}"]
            top.add_run(symbol)
            bottom = footer.paragraphs[0]
            bottom.style = doc.styles[f"Footer{side}"]
            _page_field(bottom)


def properties(doc: Any, title: str, lang: str, now: dt.datetime | None = None) -> None:
    """Core and application properties of this export (not the template's), the language, a current Word's
    compatibility, spelling not marked as checked, no thumbnail."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    core = doc.core_properties
    core.title, core.author, core.last_modified_by = title, "Secretariat", "Secretariat"
    core.created, core.modified, core.revision, core.language = now, now, 1, lang
    core.comments, core.version = f"Made with {APP_NAME} {VERSION}", VERSION
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            package.rels.pop(rel_id)
        elif rel.reltype.endswith("/extended-properties"):
            rel.target_part._blob = _app_xml().encode()
    settings = doc.settings.element
    for tag in ("w:proofState", "w:savePreviewPicture"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for theme_lang in settings.findall(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), lang)


def _app_xml() -> str:
    numbers = [int(n) for n in VERSION.split(".")[:2] if n.isdigit()] + [0, 0]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>{escape(APP_NAME)}</Application>"
        f"<DocSecurity>0</DocSecurity><AppVersion>{numbers[0]:02d}.{numbers[1]:04d}</AppVersion></Properties>"
    )
