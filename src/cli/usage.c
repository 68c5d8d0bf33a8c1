/* usage.c: the command line's one table (commands, their text, options and exit codes) and
 * what is made from it: --help texts, getopt tables, the man page's generated sections. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/usage.h"
#include "diff/out.h"
#include "export/export.h"

#define CMD(name, operands, summary) { U_CMD, name, 0, operands, 0, 0, summary, NULL },
#define TEXT(text) { U_TEXT, NULL, 0, NULL, 0, 0, text, NULL },
#define OPT(name, arg, code, flags, text) { U_OPT, name, 0, arg, code, flags, text, NULL },
#define SOPT(letter, name, arg, flags, text) { U_OPT, name, letter, arg, letter, flags, text, NULL },
#define COMMON(name) { U_COMMON, name, 0, NULL, 0, 0, NULL, NULL },
#define LIST(fn) { U_LIST, NULL, 0, NULL, 0, 0, NULL, fn },
#define EXIT(status, text) { U_EXIT, NULL, 0, NULL, status, 0, text, NULL },

static int export_format_item(int i, const char **term, const char **text)
{
	for (int k = 0; k < i; k++)
		if (!export_formats[k].name)
			return 0;
	if (!export_formats[i].name)
		return 0;
	*term = export_formats[i].name;
	*text = export_formats[i].summary;
	return 1;
}

static int diff_format_item(int i, const char **term, const char **text)
{
	for (int k = 0; k < i; k++)
		if (!rl_formats[k].name)
			return 0;
	if (!rl_formats[i].name)
		return 0;
	*term = rl_formats[i].name;
	*text = rl_formats[i].summary;
	return 1;
}

/*
 * To add a command: a CMD row (name, operands, one-line summary) with its TEXT, OPT, COMMON
 * and EXIT rows under it; its function in main.c's commands[]; then `make help-man`.
 * To add an option: an OPT row under its command (a code from enum usage_opt in usage.h, or
 * SOPT with its short letter) and a case for that code in the command's cli_getopt() loop;
 * then `make help-man`. Texts are plain: the man page's bold and italics are added for you.
 */
const struct usage_row usage_table[] = {
CMD("", "[FILE]", "read a resolution in the terminal")
TEXT("Read and annotate United Nations resolutions in the terminal. With no FILE, opens "
     "the bundled resolution A/RES/58/190.")
OPT("db", "PATH", OPT_DB, U_SHARED,
    "the annotation database (default: $GAVEL_DB, else $XDG_DATA_HOME/gavel/gavel.db, else "
    "~/.local/share/gavel/gavel.db)")
OPT("input-format", "NAME", OPT_INPUT_FORMAT, U_SHARED,
    "how to read FILE: auto (the default: the shape is detected), akn (the UN's AKN4UN XML), "
    "ods, pdf (text taken out of a PDF), plain, md or pdf-file (the PDF itself)")
OPT("color", "WHEN", OPT_WHEN, U_SHARED | U_OPTIONAL,
    "colour the output: auto (the default: on a terminal, unless NO_COLOR is set), always or "
    "never; --color alone is always")
OPT("no-color", NULL, OPT_NO_COLOR, U_SHARED, "the same as --color=never")
OPT("with", "OTHER", OPT_WITH, 0,
    "read OTHER beside FILE: another language or shape of the same resolution, paired "
    "paragraph by paragraph and scrolled together (W and :with OTHER do it in the reader)")
OPT("no-pager", NULL, OPT_NO_PAGER, U_SHARED,
    "write long output to the terminal directly, not through $PAGER")
OPT("library", "PATH", OPT_LIBRARY, U_SHARED,
    "the library of resolutions (default: $GAVEL_LIBRARY, else library.db in the directory "
    "of the annotation database)")
SOPT('h', "help", NULL, U_SHARED, "show this help and exit")
SOPT('V', "version", NULL, 0, "show the version and exit")
EXIT(0, "success")
EXIT(1, "nothing found (search)")
EXIT(64, "bad usage: an unknown command or option, a missing argument")
EXIT(65, "bad data: an empty or binary file, an unknown paragraph or note id, bad JSON to "
         "import")
EXIT(66, "a missing or unreadable file, or a directory")
EXIT(69, "the database cannot be used (from a newer gavel, damaged, not gavel's, locked too "
         "long), or the terminal cannot run the reader")
EXIT(70, "an internal error")
EXIT(71, "out of memory")
EXIT(73, "an output or database file cannot be created, or the database is read-only")
EXIT(74, "an I/O error, or the disk is full")

CMD("parse", "[FILE]", "print the document model as JSON")
TEXT("The model of FILE (default: the bundled A/RES/58/190): metadata (symbol, organ, number, title, adopted, session, agenda_item, report, meeting, "
     "distributed, language, vote, vote_notes: the footnotes the vote line cites), preamble, "
     "operative (with nested items), parts, annexes, "
     "footnotes (with cited_by), references and marks (footnote markers with their offset in "
     "characters; \"missing\": true when the footnote's text is not in the file, as in Security "
     "Council texts whose footnotes were printed elsewhere in the volume). A file holding "
     "several resolutions gives {\"documents\": [...]}. Unknown metadata is null.")
TEXT("record: the record of adoption: agenda_title, draft (the draft resolution adopted), "
     "meeting_record (A/80/PV.51, S/PV.8981), sponsors and cosponsors (lists), vote "
     "{adoption: \"without vote\" or \"vote\", yes, no, abstain (null when unknown), by_mail, "
     "in_favour, against, abstaining (each member's vote, where the file gives it)}, chapter "
     "(of the Charter, for the Security Council) and keywords (subjects). The UN's XML gives "
     "all of it; a text gives what its vote line says. Headings over operative paragraphs "
     "whose numbering runs on under them are in operative as {\"id\": \"h2\", \"kind\": "
     "\"heading\", \"num\", \"text\"}.")
COMMON("input-format")
EXIT(0, "success")
EXIT(64, "bad usage")
EXIT(65, "FILE holds no resolution text (empty, binary)")
EXIT(66, "FILE cannot be opened")
EXIT(74, "the output cannot be written")

CMD("show", "[FILE [ID]...]", "print the document as a reader sees it")
TEXT("FILE defaults to the bundled A/RES/58/190. Labels stand in a gutter, the text is "
     "wrapped at word boundaries, footnote markers are shown as [16] and the footnotes come "
     "at the end. With IDs (pp3, op10, op3.a.ii, annex1, fn16), only those paragraphs, their "
     "sub-paragraphs and the footnotes they cite are printed. On a terminal the text goes "
     "through $PAGER (less by default), as show, search, notes list and export all do; this "
     "is also the way to read a resolution where the reader cannot run (TERM=dumb).")
OPT("width", "N", OPT_WIDTH, 0,
    "wrap at N display columns (default: the terminal's width when the output is a "
    "terminal, else $COLUMNS, else 80)")
OPT("with", "OTHER", OPT_WITH, 0,
    "print each paragraph in two copies of the resolution, one after the other under its "
    "label: FILE's and OTHER's (another language or shape of the same resolution), paired "
    "by id, each after its language; \"(not in this copy)\" where one lacks a paragraph")
OPT("record", NULL, OPT_RECORD, 0,
    "print the record of adoption instead: symbol, title, dates, the meeting and its record, "
    "the draft or report, sponsors, the vote (without a vote, or its counts and each "
    "member's vote where the file gives them), subjects and what the text cites")
COMMON("input-format")
COMMON("no-pager")
EXIT(0, "success")
EXIT(64, "bad usage")
EXIT(65, "an ID not in the document, or bad data")
EXIT(66, "FILE cannot be opened")
EXIT(74, "the output cannot be written")

CMD("search", "PATTERN [FILE]...", "print the paragraphs that match a pattern")
TEXT("Every paragraph of the resolutions in the FILEs that contains PATTERN is printed as "
     "'A/RES/58/190 OP 18: text', the matches marked (reverse video on a terminal, else "
     "[[...]]). A file of several resolutions is searched resolution by resolution.")
TEXT("Without a FILE, the library is searched (see add), through its index: the paragraphs "
     "where PATTERN begins at the start of a word (its last word may go on: \"migrant\" finds "
     "\"migrants\", not \"immigrants\"), oldest first; a document not in English is named "
     "with its language, as A/RES/79/412 [fr]. While the library is empty, the bundled "
     "A/RES/58/190 is searched.")
TEXT("Case and accents are folded (\"reunification\" finds \"R\xC3\xA9unification\"), and "
     "hyphens (\"pre-recorded\" finds it written with a non-breaking hyphen, \"2015-2030\" "
     "with an en dash); a PATTERN with a capital letter matches case exactly (accents still "
     "folded). White space matches any white space. On a terminal, right-to-left text "
     "(Arabic) is shown in visual order; in a pipe it stays in logical order, for other "
     "programs.")
OPT("json", NULL, OPT_JSON, 0,
    "an array of {\"document\", \"file\", \"id\", \"label\", \"matches\": [{\"start\", "
    "\"end\"}], \"text\"}, offsets in characters of \"text\" (end exclusive); from the "
    "library \"file\" is null and \"language\", \"adopted\" and \"title\" are added")
SOPT('l', "list", NULL, 0, "(the library) the documents that match, one a line, oldest first")
SOPT('r', "reverse", NULL, 0, "(the library) newest first")
OPT("lang", "LANG", OPT_LANG, 0, "(the library) only documents in LANG (en, fr, es, ru, zh, ar)")
COMMON("input-format")
COMMON("library")
COMMON("color")
COMMON("no-pager")
EXIT(0, "a paragraph matched")
EXIT(1, "nothing matched")
EXIT(64, "bad usage")
EXIT(65, "a FILE holds no resolution text")
EXIT(66, "a FILE cannot be opened")
EXIT(69, "the library cannot be used")

CMD("notes", "COMMAND [ARG]...", "list, add, edit, remove, import or carry notes")
TEXT("Highlights and notes live in the annotation database. FILE may be any copy or shape "
     "of the resolution: documents are known by symbol and language. NOTE-ID may be "
     "shortened to its first characters when that is unambiguous. Colours: yellow (the "
     "default), green, blue, red and purple, or the names the configuration gives them "
     "(color.red.name = concern), or their numbers, 1 to 5; listings and exports print the "
     "names.")
COMMON("db")
EXIT(0, "success")
EXIT(64, "bad usage")
EXIT(65, "bad data: an unknown paragraph or note id, a quote not in the paragraph")
EXIT(66, "FILE cannot be opened")
EXIT(69, "the database cannot be used (from a newer gavel, damaged, not gavel's, or locked "
         "too long)")
EXIT(71, "out of memory")
EXIT(73, "the database cannot be created, or is read-only")
EXIT(74, "an I/O error, or the disk is full")

CMD("notes list", "[FILE]", "list notes in document order")
TEXT("Every annotation in the database, or those of FILE's resolution; orphans (notes whose "
     "words are no longer in the text) last.")
OPT("json", NULL, OPT_JSON, 0,
    "every field and the anchoring status: anchored, moved (found again elsewhere after the "
    "text changed) or orphan (not found; kept, never deleted)")
OPT("color", "NAME", OPT_COLOR, 0,
    "only notes of colour NAME (yellow, green, blue, red, purple, the name the configuration "
    "gives one, or its number, 1 to 5); --color=auto, always or never colour the listing "
    "instead, as elsewhere")
OPT("tag", "TAG", OPT_TAG, 0, "only notes tagged TAG")
COMMON("db")
COMMON("input-format")
COMMON("no-pager")
EXIT(0, "success (also when there are no notes)")
EXIT(64, "bad usage")
EXIT(66, "FILE cannot be opened")
EXIT(69, "the database cannot be used")

CMD("notes add", "FILE ID [TEXT]", "highlight words of a paragraph, with a note")
TEXT("The words of --quote in paragraph ID of FILE (the whole paragraph without it) are "
     "highlighted, with TEXT as their note, and the new note's id is printed once it is "
     "saved. ID is a "
     "paragraph id (op10, pp3, op3.a.ii, fn16) or its label (\"OP 10\"), or SYMBOL:ID when "
     "FILE holds several resolutions. A quote is found as typed, else with case and accents "
     "folded (with a notice).")
OPT("quote", "TEXT", OPT_QUOTE, 0, "the words to highlight")
OPT("color", "NAME", OPT_COLOR, 0,
    "the highlight's colour (default yellow): a colour, the name the configuration gives "
    "it, or its number, 1 to 5")
OPT("tag", "TAG", OPT_TAG, U_REPEAT, "a tag")
COMMON("db")
COMMON("input-format")
EXIT(0, "the note is saved; its id is printed")
EXIT(64, "bad usage, an unknown colour")
EXIT(65, "an unknown paragraph, a quote not in the paragraph")
EXIT(66, "FILE cannot be opened")
EXIT(69, "the database cannot be used")
EXIT(73, "the database cannot be created, or is read-only")

CMD("notes edit", "NOTE-ID [TEXT]", "change a note's text, colour or tags")
TEXT("Replace the note's text with TEXT (an empty TEXT removes it); --color and --tag "
     "replace its colour and tags.")
OPT("color", "NAME", OPT_COLOR, 0, "the new colour")
OPT("tag", "TAG", OPT_TAG, U_REPEAT, "the new tags, replacing the old ones")
COMMON("db")
EXIT(0, "success")
EXIT(64, "bad usage, an unknown colour")
EXIT(65, "no note NOTE-ID, or it is ambiguous")
EXIT(69, "the database cannot be used")
EXIT(73, "the database is read-only")

CMD("notes rm", "NOTE-ID...", "remove notes")
TEXT("Every NOTE-ID is checked before any is removed, so a typo removes "
     "nothing.")
COMMON("db")
EXIT(0, "success")
EXIT(64, "bad usage")
EXIT(65, "no note NOTE-ID, or it is ambiguous")
EXIT(69, "the database cannot be used")
EXIT(73, "the database is read-only")

CMD("notes import", "FILE.json [DOCUMENT]...", "import W3C Web Annotations or Hypothesis notes")
TEXT("FILE.json holds notes exported with 'gavel export --format json', written by another "
     "W3C Web Annotation tool, or exported from Hypothesis (its export, or its API's search "
     "results); - reads standard input. A note that names no paragraph is found by the "
     "words it quotes (its TextQuoteSelector): in its own resolution when its source is a UN "
     "address (undocs.org, docs.un.org), else in the DOCUMENTs named. Other tools' ids are "
     "kept, and exported again.")
TEXT("A note whose id is already stored is skipped, so importing twice is harmless; "
     "annotations on a whole page, without quoted words, or replies are left out with a "
     "notice. The whole file is checked first and stored in one transaction. The notes of "
     "each DOCUMENT named (and of the bundled resolution) are anchored at once; others the "
     "next time their document is opened.")
COMMON("db")
EXIT(0, "success")
EXIT(64, "bad usage")
EXIT(65, "bad JSON, or an annotation gavel cannot use: nothing is imported")
EXIT(66, "FILE.json cannot be opened")
EXIT(69, "the database cannot be used")
EXIT(73, "the database is read-only")

CMD("notes carry", "OLD NEW", "copy the notes on one resolution to its successor")
TEXT("Every note on OLD (last year's text, say) is copied to the paragraph of NEW that carries "
     "its words, as gavel diff pairs them: on the same words when they are still there, else "
     "on what they became. A copy keeps the note's text, colour and tags, and gets the tag "
     "\"from SYMBOL\". Notes whose paragraph was deleted are listed and left behind. Carrying "
     "again copies nothing twice.")
SOPT('n', "dry-run", NULL, 0, "say what would be carried, and change nothing")
COMMON("db")
COMMON("input-format")
EXIT(0, "success (also when OLD has no notes)")
EXIT(64, "bad usage")
EXIT(65, "OLD or NEW holds no resolution text")
EXIT(66, "OLD or NEW cannot be opened")
EXIT(69, "the database cannot be used")
EXIT(73, "the database cannot be written")

CMD("export", "[DOCUMENT]", "export notes as txt, md, json, csv or annotated text")
TEXT("The notes of DOCUMENT (the file of a known resolution), or of every document in the "
     "database without one; orphans come last.")
SOPT('f', "format", "FORMAT", 0, "the format (default txt):")
LIST(export_format_item)
SOPT('o', "output", "FILE", 0,
     "write FILE (atomically: a temporary file, then rename; never half-written) instead of "
     "standard output")
OPT("color", "NAME", OPT_COLOR, 0,
    "only notes of colour NAME (a colour, the name the configuration gives it, or its "
    "number)")
OPT("colour", "NAME", OPT_COLOR, U_HIDDEN, "only notes of colour NAME")
OPT("tag", "TAG", OPT_TAG, 0, "only notes tagged TAG")
OPT("date", "DATE", OPT_DATE, 0,
    "the export date printed in headers: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: "
    "$SOURCE_DATE_EPOCH, else now)")
OPT("width", "N", OPT_WIDTH, 0, "wrap txt and annotated output at N columns (default 72)")
COMMON("db")
COMMON("input-format")
COMMON("no-pager")
EXIT(0, "success (also when there are no notes: the output is then empty, with a notice)")
EXIT(64, "bad usage: an unknown format, a bad date")
EXIT(66, "DOCUMENT cannot be opened")
EXIT(69, "the database cannot be used")
EXIT(73, "FILE cannot be created")
EXIT(74, "FILE cannot be written (it is then left as it was)")

CMD("add", "FILE|DIR...", "import resolutions into the library")
TEXT("Imports resolutions into the library: every file of every shape gavel reads, many "
     "resolutions per file; a DIR is read whole, recursively (hidden files aside; files that "
     "hold no resolution are skipped and counted). The library is library.db beside the "
     "annotation database, apart from it: the notes are the user's own words, written one by "
     "one and kept durably; the library is public text written in bulk and can be rebuilt "
     "from the files, so an import never holds the lock a note waits for, and a damaged "
     "library never touches a note.")
TEXT("A resolution is known by its symbol and language. A copy of one already stored "
     "replaces it when it is newer (a later distribution date) or, as new, of a shape as "
     "good or better (AKN > PDF > ODS > text); otherwise the stored copy is kept. The notes "
     "on a replaced resolution are anchored again in its new text at once. A file added "
     "before and unchanged since is not read again.")
TEXT("The whole import is one transaction: interrupted (even by kill -9), it leaves the "
     "library as it was; other gavel processes go on reading the library meanwhile.")
SOPT('f', "force", NULL, 0,
     "replace stored copies whatever their date and shape, and read unchanged files again")
SOPT('v', "verbose", NULL, 0, "name every file and what became of each of its resolutions")
COMMON("input-format")
COMMON("library")
COMMON("db")
EXIT(0, "success")
EXIT(64, "bad usage")
EXIT(65, "a FILE named on the command line holds no resolution (the others are imported)")
EXIT(66, "a FILE or DIR cannot be opened (the others are imported)")
EXIT(69, "the library cannot be used (from a newer gavel, damaged, not a library, locked "
         "too long); nothing was imported")
EXIT(73, "the library cannot be created, or is read-only")
EXIT(74, "an I/O error, or the disk is full; nothing was imported")

CMD("library", "[SYMBOL]", "list the resolutions of the library")
TEXT("One line per resolution and language: symbol, adoption date, language, the shape it "
     "was read from, paragraphs, notes (in the annotation database) and title. SYMBOL keeps "
     "those whose symbol starts so (A/RES/78/, 78/, S/RES/26).")
OPT("lang", "LANG", OPT_LANG, 0, "only in LANG (en, fr, es, ru, zh, ar)")
OPT("organ", "ORGAN", OPT_ORGAN, 0, "only of ORGAN: ga, sc, ecosoc or hrc")
OPT("session", "N", OPT_SESSION, 0, "only of the General Assembly's session N")
OPT("from", "DATE", OPT_FROM, 0, "adopted on DATE (YYYY, YYYY-MM or YYYY-MM-DD) or after")
OPT("to", "DATE", OPT_TO, 0, "adopted on DATE or before")
OPT("shape", "NAME", OPT_SHAPE, 0, "read from shape NAME (akn, pdf-file, ods, pdf, plain, md)")
OPT("title", "WORDS", OPT_TITLE, 0, "titles holding WORDS (case and accents folded)")
OPT("sort", "KEY", OPT_SORT, 0, "symbol (the default: by number, 78/22 before 78/217), date "
    "or title")
SOPT('r', "reverse", NULL, 0, "in reverse order")
OPT("json", NULL, OPT_JSON, 0,
    "an array of {\"symbol\", \"language\", \"adopted\", \"title\", \"organ\", "
    "\"shape\", \"source\", \"paragraphs\", \"notes\"}")
OPT("check", NULL, OPT_CHECK, 0,
    "check the whole library instead (its database, its index against the paragraphs, every "
    "resolution's model)")
COMMON("library")
COMMON("db")
EXIT(0, "success (also when nothing is listed)")
EXIT(64, "bad usage")
EXIT(69, "the library cannot be used, or (--check) is damaged")

CMD("rm", "SYMBOL...", "remove resolutions from the library")
TEXT("Removes each SYMBOL (78/217, S/RES/2672 (2023)) from the library, in every language or "
     "in LANG's. Its notes stay in the annotation database and come back with it.")
OPT("lang", "LANG", OPT_LANG, 0, "only the copy in LANG")
COMMON("library")
EXIT(0, "success")
EXIT(64, "bad usage")
EXIT(65, "a SYMBOL is not in the library (the others are removed)")
EXIT(69, "the library cannot be used")

CMD("open", "SYMBOL|TITLE", "read a resolution of the library")
TEXT("Opens a resolution of the library in the reader: A/RES/78/217, 78/217, "
     "'S/RES/2672 (2023)', 2672 (2023), 2672, or words of its title. Of several languages, "
     "LANG's, else that of the locale ($LC_ALL, $LC_MESSAGES, $LANG), else English. "
     "Everywhere a FILE is asked for (gavel SYMBOL, gavel show SYMBOL, gavel notes add "
     "SYMBOL ID ...), a SYMBOL that is not a file's name opens the same way.")
OPT("lang", "LANG", OPT_LANG, 0, "the copy in LANG")
COMMON("library")
COMMON("db")
EXIT(0, "success")
EXIT(64, "bad usage, or a TITLE that names several resolutions (they are listed)")
EXIT(66, "not in the library")
EXIT(69, "the library cannot be used, or the terminal cannot run the reader")

CMD("used", "PHRASE | DOCUMENT ID", "where wording was used before, in the library")
TEXT("Agreed language: where wording was used before in the library, oldest first. With a "
     "PHRASE, every paragraph that holds it (as search finds it), the phrase marked. With a "
     "paragraph (ID: op14, pp3, op3.a of DOCUMENT, a file or a resolution of the library), "
     "every paragraph with the same words or nearly: similarity R or more, the words two "
     "paragraphs share in order over the words of both; its differences from the paragraph "
     "marked as wdiff marks them, [-only in the earlier text-] {+only in this paragraph+} "
     "(colours on a terminal).")
TEXT("The list ends with the first and the last use, each with how the resolution was "
     "adopted when its record says (adopted without a vote, by a recorded vote of ...).")
OPT("min", "R", OPT_MIN, 0, "the least similarity, from 0.5 to 1 (default 0.8)")
OPT("lang", "LANG", OPT_LANG, 0, "(a PHRASE) only documents in LANG")
OPT("json", NULL, OPT_JSON, 0,
    "{\"uses\": [{\"document\", \"language\", \"adopted\", \"vote\", \"id\", "
    "\"label\", \"similarity\", \"text\", \"marked\"}], \"first\", \"last\", "
    "\"resolutions\"}")
COMMON("library")
COMMON("input-format")
COMMON("color")
EXIT(0, "used before")
EXIT(1, "not found in the library")
EXIT(64, "bad usage")
EXIT(65, "no such paragraph in DOCUMENT")
EXIT(66, "DOCUMENT cannot be opened, or the library is empty")

CMD("links", "DOCUMENT [ID]...", "what a resolution cites, and what cites it")
TEXT("Each citation in DOCUMENT's paragraphs (in the IDs' only, when given): its words "
     "(resolution 76/172; paragraph 8 of resolution 687 (1991); paragraph 13 (b) of its "
     "resolution 78/217; annex I to the present resolution; paragraph 8 above) and where they "
     "lead: the paragraph of the resolution in the library, or, when it is not there, its "
     "undocs.org address. Then the back-links: the paragraphs of the library that cite "
     "DOCUMENT, oldest first.")
OPT("json", NULL, OPT_JSON, 0,
    "{\"document\", \"cites\": [{\"from\", \"label\", \"words\", \"document\", "
    "\"place\", \"in_library\", \"paragraph\", \"address\"}], \"cited_by\": "
    "[{\"document\", \"language\", \"adopted\", \"from\", \"label\", \"words\", "
    "\"place\"}]}")
COMMON("library")
COMMON("input-format")
EXIT(0, "success")
EXIT(64, "bad usage")
EXIT(65, "no such paragraph")
EXIT(66, "DOCUMENT cannot be opened")

CMD("diff", "OLD NEW", "compare two resolutions: a redline by paragraph and word")
TEXT("Compare two resolutions, OLD (last year's text, say) and NEW, as a redline. Paragraphs "
     "are paired by their content, not their numbers: unchanged, changed (words deleted and "
     "inserted), moved or renumbered (OP 12 \xE2\x86\x90 OP 14), new and deleted, in the "
     "preamble, the operative paragraphs and their items, annexes and footnotes. A summary of "
     "the counts ends the output. OLD and NEW are files of any shape gavel reads (of a file "
     "holding several resolutions, the first).")
TEXT("Without colour, deleted words read [-like this-] and inserted ones {+like this+}, as "
     "wdiff writes them; with colour, deletions are struck through in red and insertions "
     "underlined in green, as in Word. In the docx, every change is a tracked revision: "
     "accepting all gives NEW and rejecting all gives OLD, with paragraph numbers and "
     "footnotes.")
SOPT('f', "format", "FORMAT", 0, "the output (default text):")
LIST(diff_format_item)
SOPT('o', "output", "FILE", 0,
     "write FILE (atomically: a temporary file, then rename; never half-written) instead of "
     "standard output")
SOPT('a', "all", NULL, 0,
     "text: unchanged paragraphs in full, not one line for each run of them")
SOPT('s', "summary", NULL, 0, "text: only the counts")
SOPT('N', "no-notes", NULL, 0,
     "leave out the notes on OLD, which are otherwise shown under the paragraphs of NEW they "
     "land on (from the annotation database, when there is one)")
OPT("width", "N", OPT_WIDTH, 0,
    "text: wrap at N columns (default: the terminal's width, else $COLUMNS, else 80)")
COMMON("color")
COMMON("input-format")
COMMON("db")
EXIT(0, "OLD and NEW are the same")
EXIT(1, "they differ")
EXIT(64, "bad usage: not two files, an unknown format, docx to a terminal")
EXIT(65, "OLD or NEW holds no resolution text")
EXIT(66, "OLD or NEW cannot be opened")
EXIT(73, "FILE cannot be created")
EXIT(74, "the output cannot be written (FILE is then left as it was)")

CMD("help", "[COMMAND]", "show the help of gavel or of a command")
TEXT("'gavel help' is 'gavel --help', and 'gavel help COMMAND' is 'gavel COMMAND --help'.")
EXIT(0, "success")
EXIT(64, "no such command")

{ U_END, NULL, 0, NULL, 0, 0, NULL, NULL }
};

/* --- finding rows --- */

const struct usage_row *usage_find(const char *cmd)
{
	for (const struct usage_row *r = usage_table; r->kind != U_END; r++)
		if (r->kind == U_CMD && strcmp(r->name, cmd) == 0)
			return r;
	return NULL;
}

/* The rows after a U_CMD row up to the next command: `for (r = first(c); r; r = next(r))`. */
static const struct usage_row *body_next(const struct usage_row *r)
{
	r++;
	return r->kind == U_END || r->kind == U_CMD ? NULL : r;
}

/* gavel's own option `name` (the target of a U_COMMON row). */
static const struct usage_row *shared_option(const char *name)
{
	for (const struct usage_row *r = body_next(usage_find("")); r; r = body_next(r))
		if (r->kind == U_OPT && strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

/* Whether command c has subcommands ("notes" has "notes list", ...). */
static int is_group(const struct usage_row *c)
{
	size_t n = strlen(c->name);
	for (const struct usage_row *r = usage_table; r->kind != U_END; r++)
		if (r->kind == U_CMD && n && strncmp(r->name, c->name, n) == 0 && r->name[n] == ' ')
			return 1;
	return 0;
}

/* --- plain text --- */

#define HELP_WIDTH 79
#define OPT_COLUMN 24
#define NBSP '\001'


/* Columns of a UTF-8 string (every code point one column: the texts are Latin). */
static size_t cols(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Writes s wrapped to HELP_WIDTH, the first line starting at column `at` (already written)
 * and the others indented by `indent`. */
static void wrap(FILE *f, const char *s, size_t at, size_t indent)
{
	size_t col = at;
	int first = 1;
	while (*s) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		if (!n)
			break;
		size_t w = cols(s, n);
		if (!first && col + 1 + w > HELP_WIDTH) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', f);
			col++;
		}
		for (size_t i = 0; i < n; i++)
			fputc(s[i] == NBSP ? ' ' : s[i], f);   /* a space that never breaks */
		col += w;
		first = 0;
		s += n;
	}
	fputc('\n', f);
}

/* "  -o, --output FILE" or "      --width N", and its width. */
static size_t put_option_name(FILE *f, const struct usage_row *o)
{
	int n;
	if (o->letter)
		n = fprintf(f, "  -%c, --%s", o->letter, o->name);
	else
		n = fprintf(f, "      --%s", o->name);
	if (o->arg)
		n += fprintf(f, o->flags & U_OPTIONAL ? "[=%s]" : " %s", o->arg);
	return n > 0 ? (size_t)n : 0;
}

static void put_option(FILE *f, const struct usage_row *o)
{
	size_t n = put_option_name(f, o);
	if (n + 2 > OPT_COLUMN) {
		fprintf(f, "\n%*s", OPT_COLUMN, "");
	} else {
		fprintf(f, "%*s", (int)(OPT_COLUMN - n), "");
	}
	wrap(f, o->text, OPT_COLUMN, OPT_COLUMN);
}

static void put_list(FILE *f, const struct usage_row *l)
{
	const char *term, *text;
	for (int i = 0; l->item(i, &term, &text); i++) {
		int n = fprintf(f, "%*s%-11s ", OPT_COLUMN + 2, "", term);
		wrap(f, text, n > 0 ? (size_t)n : 0, OPT_COLUMN + 14);
	}
}

/* "gavel export [--format FORMAT] [--tag TAG]... [DOCUMENT]", wrapped under its first word
 * after the command. */
static void put_usage_line(FILE *f, const char *lead, const struct usage_row *c)
{
	char line[1024];
	size_t n = 0;
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_OPT && !(r->flags & U_HIDDEN) && n < sizeof line)
			n += (size_t)snprintf(line + n, sizeof line - n, "[--%s%s%s%s%s ", r->name,
			                      r->arg ? r->flags & U_OPTIONAL ? "[=" : "\001" : "",
			                      r->arg ? r->arg : "", r->arg && r->flags & U_OPTIONAL ? "]" : "",
			                      r->flags & U_REPEAT ? "]..." : "]");
	if (n < sizeof line)
		snprintf(line + n, sizeof line - n, "%s", c->arg);
	int at = fprintf(f, "%sgavel %s ", lead, c->name);
	wrap(f, line, at > 0 ? (size_t)at : 0, strlen(lead) + 7 + strlen(c->name));
}

static void put_exits(FILE *f, const struct usage_row *c)
{
	fputs("\nExit status:\n", f);
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_EXIT) {
			int n = fprintf(f, "  %-3d ", r->code);
			wrap(f, r->text, n > 0 ? (size_t)n : 0, 6);
		}
}

int usage_write_main(FILE *f)
{
	const struct usage_row *me = usage_find("");
	fputs("Usage: gavel [OPTION]... [FILE]\n"
	      "       gavel [OPTION]... COMMAND [ARG]...\n", f);
	for (const struct usage_row *r = body_next(me); r; r = body_next(r))
		if (r->kind == U_TEXT)
			wrap(f, r->text, 0, 0);
	fputs("\nCommands:\n", f);
	size_t w = 0;
	for (const struct usage_row *r = me + 1; r->kind != U_END; r++)
		if (r->kind == U_CMD && strlen(r->name) > w)
			w = strlen(r->name);
	for (const struct usage_row *r = me + 1; r->kind != U_END; r++)
		if (r->kind == U_CMD) {
			int n = fprintf(f, "  %-*s  ", (int)w, r->name);
			wrap(f, r->text, n > 0 ? (size_t)n : 0, w + 4);
		}
	fputs("\nOptions (any command takes them, except --version):\n", f);
	for (const struct usage_row *r = body_next(me); r; r = body_next(r))
		if (r->kind == U_OPT && !(r->flags & U_HIDDEN))
			put_option(f, r);
	put_exits(f, me);
	fputs("\n'gavel COMMAND --help' tells more of a command; gavel(1) also lists the\n"
	      "reader's keys.\nReport bugs to " PACKAGE_BUGREPORT ".\n", f);
	return ferror(f) ? -1 : 0;
}

int usage_write_command(FILE *f, const char *cmd)
{
	const struct usage_row *c = usage_find(cmd);
	if (!c || !*cmd)
		return -2;
	int group = is_group(c);
	put_usage_line(f, "Usage: ", c);
	if (group) {
		size_t n = strlen(c->name);
		for (const struct usage_row *r = c + 1; r->kind != U_END; r++)
			if (r->kind == U_CMD && strncmp(r->name, c->name, n) == 0 && r->name[n] == ' ')
				put_usage_line(f, "       ", r);
	}
	/* The summary as a sentence, then the text. */
	fprintf(f, "%c%s.\n", c->text[0] >= 'a' && c->text[0] <= 'z' ? c->text[0] - 32 : c->text[0],
	        c->text + 1);
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_TEXT) {
			fputc('\n', f);
			wrap(f, r->text, 0, 0);
		}
	if (group) {
		fputs("\nCommands:\n", f);
		size_t n = strlen(c->name);
		for (const struct usage_row *r = c + 1; r->kind != U_END; r++)
			if (r->kind == U_CMD && strncmp(r->name, c->name, n) == 0 && r->name[n] == ' ') {
				int k = fprintf(f, "  %-8s ", r->name + n + 1);
				wrap(f, r->text, k > 0 ? (size_t)k : 0, 11);
			}
		fprintf(f, "'gavel %s COMMAND --help' tells more of each.\n", c->name);
	}
	int header = 0;
	for (const struct usage_row *r = body_next(c); r; r = body_next(r)) {
		const struct usage_row *o = r->kind == U_COMMON ? shared_option(r->name) : r;
		if (r->kind == U_LIST) {
			put_list(f, r);
			continue;
		}
		if (!o || (o->kind != U_OPT) || (o->flags & U_HIDDEN))
			continue;
		if (!header++)
			fputs("\nOptions:\n", f);
		put_option(f, o);
	}
	if (!header++)
		fputs("\nOptions:\n", f);
	put_option(f, shared_option("help"));
	put_exits(f, c);
	return ferror(f) ? -1 : 0;
}

/* --- roff --- */

#define WORD_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._"

/* Whether the word s[0..n) is among the words of `list` (operands: "[FILE [ID]...]"). */
static int word_in(const char *list, const char *s, size_t n)
{
	while (list && *list) {
		size_t k = strspn(list, WORD_CHARS), m = k;
		while (m && list[m - 1] == '.')
			m--;
		if (m == n && strncmp(list, s, n) == 0)
			return 1;
		list += k ? k : 1;
	}
	return 0;
}

/* Whether the word s[0..n) is one of command c's metavariables (its operands and option
 * values: FILE, ID, N, NOTE-ID), which the man page sets in italics. */
static int is_metavar(const struct usage_row *c, const char *s, size_t n)
{
	if (!(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	if (word_in(c->arg, s, n))
		return 1;
	for (const struct usage_row *r = body_next(c); r; r = body_next(r)) {
		const struct usage_row *o = r->kind == U_COMMON ? shared_option(r->name) : r;
		if (o && o->kind == U_OPT && o->arg && word_in(o->arg, s, n))
			return 1;
	}
	return 0;
}

/* Writes s[0..n) escaped for roff: backslashes, non-ASCII as \[uXXXX], and '-' as a minus
 * sign when `minus` (in options, which people copy; elsewhere it is a hyphen). */
static void roff_raw(FILE *f, const char *s, size_t n, int minus)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\\') {
			fputs("\\e", f);
		} else if (ch == '-' && minus) {
			fputs("\\-", f);
		} else if (ch < 0x80) {
			fputc(ch, f);
		} else {
			unsigned cp;
			int len;
			if (ch >= 0xF0) { cp = ch & 0x07; len = 4; }
			else if (ch >= 0xE0) { cp = ch & 0x0F; len = 3; }
			else { cp = ch & 0x1F; len = 2; }
			for (int k = 1; k < len && i + 1 < n; k++)
				cp = cp << 6 | ((unsigned char)s[++i] & 0x3F);
			fprintf(f, "\\[u%04X]", cp);
		}
	}
}

/* Writes prose as roff for command c: options in bold, metavariables in italics, one
 * sentence a line (a line never starts with a dot or a quote). Ends with a newline. */
static void roff_text(FILE *f, const struct usage_row *c, const char *s)
{
	int bol = 1;
	char prev = 0;
	while (*s) {
		if (*s == ' ' && prev == '.' && s[1] >= 'A' && s[1] <= 'Z') {
			fputc('\n', f);
			bol = 1;
			prev = *s++;
			continue;
		}
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", f);
		bol = 0;
		size_t n = strspn(s, WORD_CHARS), core = n;
		while (core && s[core - 1] == '.')
			core--;   /* a sentence's full stop is not part of the word */
		const char *font = NULL;
		if (core >= 2 && s[0] == '-' && (s[1] == '-' || core == 2) && s[core - 1] != '-')
			font = "\\fB";
		else if (core && is_metavar(c, s, core))
			font = "\\fI";
		if (!font && !(core = n))
			while (((unsigned char)s[++core] & 0xC0) == 0x80)
				;   /* one character, all its bytes */
		fputs(font ? font : "", f);
		roff_raw(f, s, core, font && font[2] == 'B');
		fputs(font ? "\\fR" : "", f);
		prev = s[core - 1];
		s += core;
	}
	fputc('\n', f);
}

/* An option's name as the man page shows it: \fB\-o\fR, \fB\-\-output\fR \fIFILE\fR */
static void roff_option_name(FILE *f, const struct usage_row *o)
{
	if (o->letter)
		fprintf(f, "\\fB\\-%c\\fR, ", o->letter);
	fputs("\\fB\\-\\-", f);
	roff_raw(f, o->name, strlen(o->name), 1);
	fputs("\\fR", f);
	if (o->arg) {
		fputs(o->flags & U_OPTIONAL ? "[=\\fI" : " \\fI", f);
		roff_raw(f, o->arg, strlen(o->arg), 1);
		fputs(o->flags & U_OPTIONAL ? "\\fR]" : "\\fR", f);
	}
}

static void roff_option(FILE *f, const struct usage_row *c, const struct usage_row *o)
{
	fputs(".TP\n", f);
	roff_option_name(f, o);
	fputc('\n', f);
	roff_text(f, c, o->text);
}

static void roff_list(FILE *f, const struct usage_row *c, const struct usage_row *l)
{
	const char *term, *text;
	fputs(".RS\n", f);
	for (int i = 0; l->item(i, &term, &text); i++) {
		fputs(".TP\n.B ", f);
		roff_raw(f, term, strlen(term), 0);
		fputc('\n', f);
		roff_text(f, c, text);
	}
	fputs(".RE\n", f);
}

/* Operands as roff: brackets and dots roman, words in italics: [\fIFILE\fR [\fIID\fR]...] */
static void roff_operands(FILE *f, const char *s)
{
	while (*s) {
		size_t n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-.abcdefghijklmnopqrstuvwxyz");
		while (n && s[n - 1] == '.')
			n--;
		if (n) {
			fputs("\\fI", f);
			roff_raw(f, s, n, 0);
			fputs("\\fR", f);
			s += n;
		} else {
			fputc(*s++, f);
		}
	}
}

/* The command's options and operands, for SYNOPSIS: "[--width\ N]" never broken. */
static void roff_usage(FILE *f, const struct usage_row *c)
{
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_OPT && !(r->flags & U_HIDDEN)) {
			fputs("[\\fB\\-\\-", f);
			roff_raw(f, r->name, strlen(r->name), 1);
			fputs("\\fR", f);
			if (r->arg) {
				fputs(r->flags & U_OPTIONAL ? "[=\\fI" : "\\ \\fI", f);
				roff_raw(f, r->arg, strlen(r->arg), 1);
				fputs(r->flags & U_OPTIONAL ? "\\fR]" : "\\fR", f);
			}
			fputs(r->flags & U_REPEAT ? "]...\\&\n" : "]\n", f);
		}
	roff_operands(f, c->arg);
	fputc('\n', f);
}

static void roff_exits(FILE *f, const struct usage_row *c)
{
	fputs("Exit status:", f);
	int k = 0;
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_EXIT) {
			fprintf(f, "%s\n\\fB%d\\fR ", k++ ? ";" : "", r->code);
			roff_raw(f, r->text, strlen(r->text), 0);
		}
	fputs(".\n", f);
}

/* "Print the document as a reader sees it." from the summary. */
static void roff_summary(FILE *f, const struct usage_row *c)
{
	char first[160];
	snprintf(first, sizeof first, "%c%s.", c->text[0] >= 'a' && c->text[0] <= 'z' ?
	         c->text[0] - 32 : c->text[0], c->text + 1);
	roff_text(f, c, first);
}

static void roff_command(FILE *f, const struct usage_row *c)
{
	/* The tag stays one short line; the options are listed under it. */
	fputs(".TP\n\\fB", f);
	roff_raw(f, c->name, strlen(c->name), 0);
	fputs("\\fR ", f);
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_OPT && !(r->flags & U_HIDDEN)) {
			fputs("[\\fIOPTION\\fR]... ", f);
			break;
		}
	roff_operands(f, c->arg);
	fputc('\n', f);
	roff_summary(f, c);
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_TEXT) {
			fputs(".IP\n", f);
			roff_text(f, c, r->text);
		}
	int opened = 0;
	for (const struct usage_row *r = body_next(c); r; r = body_next(r)) {
		if (r->kind == U_OPT && !(r->flags & U_HIDDEN)) {
			if (!opened++)
				fputs(".RS\n", f);
			roff_option(f, c, r);
		} else if (r->kind == U_LIST) {
			roff_list(f, c, r);
		}
	}
	if (opened)
		fputs(".RE\n", f);
	fputs(".IP\n", f);
	int k = 0;
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_COMMON) {
			fputs(k++ ? ",\n" : "Also:\n", f);
			roff_option_name(f, shared_option(r->name));
		}
	if (k)
		fputs(".\n.IP\n", f);
	roff_exits(f, c);
}

/* Copies roff text to f with text lines longer than 80 bytes broken at spaces (mandoc's
 * lint asks for it; the filled output is the same). Tags (the line after .TP) stay whole. */
static void roff_fold(FILE *f, const char *s)
{
	int tag = 0;
	while (*s) {
		size_t n = strcspn(s, "\n");
		const char *line = s;
		s += n + (s[n] == '\n');
		int text = line[0] != '.' && !tag;
		tag = n == 3 && strncmp(line, ".TP", 3) == 0;
		while (text && n > 80) {
			size_t cut = 80;
			while (cut > 0 && (line[cut] != ' ' || line[cut + 1] == '.' || line[cut + 1] == '\''))
				cut--;
			if (cut == 0)
				break;
			fwrite(line, 1, cut, f);
			fputc('\n', f);
			line += cut + 1;
			n -= cut + 1;
		}
		fwrite(line, 1, n, f);
		fputc('\n', f);
	}
}

int usage_write_roff(FILE *out, const char *which)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return -1;
	const struct usage_row *me = usage_find("");
	if (strcmp(which, "synopsis") == 0) {
		fputs(".ad l\n.B gavel\n[\\fIOPTION\\fR]... [\\fIFILE\\fR]\n", f);
		for (const struct usage_row *c = usage_table; c->kind != U_END; c++)
			if (c->kind == U_CMD && *c->name && !is_group(c)) {
				fputs(".br\n.B gavel ", f);
				roff_raw(f, c->name, strlen(c->name), 0);
				fputc('\n', f);
				roff_usage(f, c);
			}
		fputs(".ad\n", f);
	} else if (strcmp(which, "options") == 0) {
		for (const struct usage_row *r = body_next(me); r; r = body_next(r))
			if (r->kind == U_OPT && !(r->flags & U_HIDDEN))
				roff_option(f, me, r);
	} else if (strcmp(which, "commands") == 0) {
		for (const struct usage_row *c = usage_table; c->kind != U_END; c++)
			if (c->kind == U_CMD && *c->name)
				roff_command(f, c);
	} else if (strcmp(which, "exit") == 0) {
		for (const struct usage_row *r = body_next(me); r; r = body_next(r))
			if (r->kind == U_EXIT) {
				fprintf(f, ".TP\n.B %d\n", r->code);
				roff_text(f, me, r->text);
			}
	} else if (strcmp(which, "names") == 0) {
		for (const struct usage_row *c = usage_table; c->kind != U_END; c++)
			if (c->kind == U_CMD && *c->name)
				fprintf(f, "%s\n", c->name);
	} else {
		fclose(f);
		free(buf);
		return -2;
	}
	int err = ferror(f);
	if (fclose(f) != 0 || err || !buf) {
		free(buf);
		return -1;
	}
	roff_fold(out, buf);
	free(buf);
	return ferror(out) ? -1 : 0;
}

/* --- getopt --- */

static int add_option(struct usage_getopt *g, size_t *nl, size_t *ns, const struct usage_row *o)
{
	for (size_t i = 0; i < *nl; i++)
		if (strcmp(g->longopts[i].name, o->name) == 0)
			return 0;    /* the command's own option of that name wins */
	if (*nl + 2 > sizeof g->longopts / sizeof *g->longopts || *ns + 4 > sizeof g->shortopts)
		return -1;
	int has = !o->arg ? no_argument : o->flags & U_OPTIONAL ? optional_argument
	                                                        : required_argument;
	g->longopts[(*nl)++] = (struct option){ o->name, has, NULL, o->code };
	if (o->letter) {
		g->shortopts[(*ns)++] = (char)o->letter;
		if (has == required_argument)
			g->shortopts[(*ns)++] = ':';
		else if (has == optional_argument) {
			g->shortopts[(*ns)++] = ':';
			g->shortopts[(*ns)++] = ':';
		}
	}
	return 0;
}

int usage_getopt_init(struct usage_getopt *g, const char *cmd)
{
	const struct usage_row *c = usage_find(cmd), *me = usage_find("");
	memset(g, 0, sizeof *g);
	if (!c)
		return -1;
	size_t nl = 0, ns = 0;
	if (!*cmd || is_group(c))
		g->shortopts[ns++] = '+';
	g->shortopts[ns++] = ':';
	for (const struct usage_row *r = body_next(c); r; r = body_next(r))
		if (r->kind == U_OPT && add_option(g, &nl, &ns, r) < 0)
			return -1;
	for (const struct usage_row *r = body_next(me); r; r = body_next(r))
		if (r->kind == U_OPT && (r->flags & U_SHARED) && add_option(g, &nl, &ns, r) < 0)
			return -1;
	g->ready = 1;
	return 0;
}

/* --- suggestions --- */

/* Edit distance between a and b (short words), with a swap of neighbours counted once. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 31 || lb > 31)
		return 99;
	size_t d[32][32];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

const char *usage_suggest(const char *word)
{
	const char *best = NULL;
	size_t bestd = 99;
	for (const struct usage_row *c = usage_table; c->kind != U_END; c++) {
		if (c->kind != U_CMD || !*c->name)
			continue;
		/* "notes list" is also found from "list". */
		const char *last = strrchr(c->name, ' ');
		size_t d = distance(word, c->name);
		if (last && distance(word, last + 1) < d)
			d = distance(word, last + 1);
		if (d < bestd) {
			bestd = d;
			best = c->name;
		}
	}
	size_t len = strlen(word);
	/* Close enough: one edit in a short word, two in a longer one. */
	return best && bestd <= (len <= 4 ? 1 : 2) ? best : NULL;
}
