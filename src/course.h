/* course.h - the course model: what a loaded course looks like.
 *
 * A `struct catalog` owns every course it loaded; a course owns its whole
 * tree.  Screens, sessions and commands borrow const pointers into it.
 * Every string is UTF-8, NUL-terminated, already cleaned of control, bidi
 * override and zero-width characters by the loader (see course_xml.c), and
 * never NULL unless the comment says "may be NULL".
 *
 * Built by course_xml.c (the only file that sees libxml2).
 */
#ifndef CK_COURSE_H
#define CK_COURSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "err.h"

/* ---- inline text ------------------------------------------------------ */

enum span_kind {
	SPAN_TEXT,    /* plain text */
	SPAN_EM,      /* <em>text</em> */
	SPAN_STRONG,  /* <strong>text</strong> */
	SPAN_CITE,    /* <cite ref="a b"/>: text holds the ref ids, space separated */
	SPAN_TERM,    /* <term ref="id">text</term>: a glossary term; text is
		       * the term as written, then a NUL, then the entry id
		       * (read it with span_term_ref) */
};

struct span {
	enum span_kind kind;
	char *text;
};

/* The glossary entry id of a SPAN_TERM span (NULL for other kinds). */
const char *span_term_ref(const struct span *sp);

/* Rich text: a run of spans.  n == 0 means empty/absent.  White space in
 * text spans is already collapsed (runs of space, tab, newline -> one space;
 * leading/trailing space of the whole run trimmed). */
struct rich {
	struct span *spans;
	size_t n;
};

/* ---- lessons ---------------------------------------------------------- */

enum block_kind {
	BLOCK_H,      /* heading: text */
	BLOCK_P,      /* paragraph: text */
	BLOCK_LIST,   /* bulleted (or numbered) list: items */
	BLOCK_NOTE,   /* boxed note of kind `note`: text */
	BLOCK_CITE,   /* stand-alone citation: refs */
	BLOCK_TABLE,  /* simple table: rows */
};

enum note_kind { NOTE_KEY, NOTE_HISTORY, NOTE_WARNING };

/* A table cell: <th> (header) or <td>. */
struct table_cell {
	struct rich text;
	bool header;
};

struct table_row {
	struct table_cell *cells;
	size_t ncells;
};

struct block {
	enum block_kind kind;
	enum note_kind note;     /* BLOCK_NOTE only */
	struct rich text;        /* H, P, NOTE */
	struct rich *items;      /* LIST */
	size_t nitems;
	char **refs;             /* CITE: source ids */
	size_t nrefs;
	int line;
	bool numbered;           /* LIST: numbered="yes" */
	struct table_row *rows;  /* TABLE: every row has the same ncells */
	size_t nrows;
};

struct page {
	char *id;
	char *title;             /* may be NULL */
	struct block *blocks;
	size_t nblocks;
	int line;
};

struct lesson {
	char *id;
	char *title;
	struct page *pages;
	size_t npages;
	int line;
};

/* ---- quizzes ---------------------------------------------------------- */

enum question_type {
	Q_SINGLE,     /* one correct option */
	Q_MULTIPLE,   /* one or more correct options */
	Q_TRUEFALSE,
	Q_TEXT,       /* typed answer compared with accept[] */
	Q_ORDER,      /* put items[] in order (items[] is the correct order) */
	Q_MATCH,      /* match each pair's left to its right */
};

struct option {
	char *text;
	bool correct;
	char *why;               /* may be NULL: feedback shown when picked */
};

/* kind="recall|decision" on a question (issue 17: share of recall). */
enum question_kind { QK_NONE, QK_RECALL, QK_DECISION };

/* <case id title>: a case stem shared by the questions with case="id". */
struct case_stem {
	char *id;
	char *title;             /* may be NULL */
	struct block *blocks;    /* P, LIST, NOTE, TABLE */
	size_t nblocks;
	int line;
};

struct pair {
	char *left;
	char *right;
};

struct question {
	char *id;
	enum question_type type;
	int points;              /* default 1 */
	bool critical;           /* must be right to pass */
	struct rich prompt;
	struct rich hint;        /* n == 0 when none */
	struct rich explain;     /* n == 0 when none */

	struct option *options;  /* SINGLE, MULTIPLE */
	size_t noptions;
	bool partial;            /* MULTIPLE: scoring="partial" */

	bool answer;             /* TRUEFALSE: the right answer */

	char **accept;           /* TEXT: accepted answers */
	size_t naccept;
	bool ignore_case;        /* TEXT: letter-case="ignore" (the default) */

	char **items;            /* ORDER: items in the correct order */
	size_t nitems;

	struct pair *pairs;      /* MATCH */
	size_t npairs;

	int line;

	enum question_kind kind; /* QK_NONE when not given */
	bool no_shuffle;         /* shuffle="no": options in author order */
	bool *fixed_last;        /* SINGLE, MULTIPLE: per option, fixed="last"
				  * (stays last when shuffled); NULL: none */
	const struct case_stem *stem;  /* case="id", may be NULL; points
					* into the quiz's cases[] */
};

enum feedback_mode { FEEDBACK_IMMEDIATE, FEEDBACK_DEFERRED };

struct quiz {
	char *id;
	char *title;
	int pass;                /* percent 0..100, default 80 */
	int attempts;            /* 0 = unlimited (default) */
	bool shuffle;            /* shuffle question order (default no) */
	int draw;                /* questions per attempt; 0 = all */
	enum feedback_mode feedback;
	struct question *questions;
	size_t nquestions;
	int line;
	struct case_stem *cases;
	size_t ncases;
};

/* ---- modules and courses ---------------------------------------------- */

struct source {
	char *id;
	char *title;             /* the element's text */
	char *publisher;         /* may be NULL */
	char *year;              /* free text: "2015", "c.2015", "n.d."; may be NULL */
	char *url;               /* shown as text only, never opened; may be NULL */
	bool from_course;        /* <source ref="id"/>: a copy of a course source */
};

/* <entry id term> of the course <glossary>: a term defined once. */
struct gloss_entry {
	char *id;
	char *term;              /* "NRM" */
	struct rich def;         /* the definition */
};

struct module {
	char *id;
	int version;
	char *lang;              /* xml:lang, "en" when absent */
	char *title;
	int minutes;             /* estimated minutes, 0 when unknown */
	char *audience;          /* may be NULL */
	char *content_note;      /* may be NULL: shown before the module opens */
	char *file;              /* path of the module file */
	char **requires;         /* module ids that must be complete first */
	size_t nrequires;
	struct lesson *lessons;
	size_t nlessons;
	size_t npages;           /* total pages over all lessons */
	struct quiz *quiz;       /* may be NULL: no quiz */
	struct source *sources;
	size_t nsources;
	char hash[65];           /* hex BLAKE2b-256 of the module file's bytes */
};

struct course {
	char *id;
	int version;
	char *lang;
	char *title;
	char *summary;           /* may be NULL */
	char *dir;               /* the course folder */
	struct module *modules;  /* in manifest order */
	size_t nmodules;
	char *cert_title;        /* may be NULL: no <certificate> */
	char *valid_for;         /* ISO 8601 duration as written, may be NULL */
	int valid_years, valid_months, valid_days;  /* parsed valid_for */
	struct gloss_entry *glossary;
	size_t nglossary;
	struct source *sources;  /* course-level sources (modules take them by ref) */
	size_t nsources;
};

struct catalog {
	struct course **courses;
	size_t ncourses;
};

/* ---- loading (course_xml.c) ------------------------------------------- */

/* Loads one course folder (containing course.xml).  Every problem found is
 * added to `d`.  Returns the course, or NULL when it has any problem. */
struct course *course_load(const char *dir, struct diags *d);
void course_free(struct course *c);

/* Loads every course under `path`: `path` itself when it holds course.xml,
 * else each sub-folder that holds course.xml, in name order.  Courses with
 * problems are reported in `d` and left out; the others load.  Returns -1
 * (with `e` set) only when `path` cannot be read at all. */
int catalog_load(struct catalog *cat, const char *path, struct diags *d,
		 struct err *e);
void catalog_release(struct catalog *cat);

/* Largest course file the loader reads (bytes); bigger files are refused. */
#define COURSE_FILE_MAX (4UL << 20)

/* Loads a course from its manifest file (normally DIR/course.xml); the
 * course folder is the file's folder.  As course_load otherwise. */
struct course *course_load_manifest(const char *manifest, struct diags *d);

/* Loads one module file on its own (the checks that need the course, such
 * as `requires` and unique module ids, are not made).  Returns NULL when it
 * has any problem.  module_free(NULL) is a no-op. */
struct module *module_load(const char *path, struct diags *d);
void module_free(struct module *m);

/* What `coursekiosk validate` counts. */
struct load_stats {
	size_t courses, modules, pages, questions;
	size_t files;        /* files checked */
};

/* Checks PATH the way `coursekiosk validate` does: a course folder, a folder
 * of courses, a manifest (root <course>: its whole course is checked) or a
 * module file.  Every problem goes to `d` (courses are loaded one at a time
 * and freed, so memory stays small); counts of what loaded cleanly are
 * added to `st`.  Returns the number of problems found. */
size_t course_check_path(const char *path, struct diags *d,
			 struct load_stats *st);

/* ---- text (course_text.c) --------------------------------------------- */

/* True for a character course text may not contain: C0 controls other than
 * tab, newline and carriage return; DEL and C1 controls (U+007F-009F);
 * zero-width U+200B-200D, U+2060, U+FEFF; bidi overrides U+202A-202E and
 * isolates U+2066-2069. */
bool text_char_forbidden(unsigned cp);
/* "control character", "bidirectional override", ... for messages. */
const char *text_char_name(unsigned cp);
/* Byte offset of the first forbidden character (or malformed UTF-8, then
 * *cp = U+FFFD) in s[0..len), or -1 when there is none. */
long text_find_forbidden(const char *s, size_t len, unsigned *cp);
/* Decodes one UTF-8 character; returns its length, 0 when malformed. */
size_t utf8_decode(const unsigned char *s, size_t len, unsigned *cp);
/* In place: runs of space, tab, CR, LF become one space (a single leading
 * or trailing space is kept).  Returns the new length. */
size_t text_collapse(char *s);
/* In place: text_collapse, then trims both ends.  Returns the new length. */
size_t text_tidy(char *s);
/* A copy of UTF-8 text s (NULL: ""), trimmed, every run of Unicode white
 * space (g_unichar_isspace: also no-break and ideographic spaces, U+2028)
 * made one space: for what trainees type, where text_tidy's four ASCII
 * spaces are not enough.  NULL when out of memory; caller frees. */
char *text_squeeze(const char *s);

/* ---- lookups (course.c) ----------------------------------------------- */

const struct course *catalog_find(const struct catalog *cat, const char *id);
const struct module *course_find_module(const struct course *c,
					const char *id);
const struct source *module_find_source(const struct module *m,
					const char *id);
const struct gloss_entry *course_find_term(const struct course *c,
					   const char *id);
/* The glossary entries a page's text refers to (<term ref>), each once, in
 * the order they first appear; at most `max` are written.  Returns how many
 * were found (may be more than max). */
size_t page_terms(const struct course *c, const struct page *p,
		  const struct gloss_entry **out, size_t max);
/* The same over a case stem and a question's prompt. */
size_t question_terms(const struct course *c, const struct question *q,
		      const struct gloss_entry **out, size_t max);
/* After options were shuffled into perm[0..n) (perm[k] = option shown at
 * position k), moves the options marked fixed="last" to the end, keeping
 * their order in the file. */
void question_fix_last(const struct question *q, size_t *perm, size_t n);
/* Page `n` (0-based over all lessons) of a module, and its lesson. */
const struct page *module_page(const struct module *m, size_t n,
			       const struct lesson **lesson);
/* Totals for the validate summary line. */
size_t course_count_pages(const struct course *c);
size_t course_count_questions(const struct course *c);

/* Rich text as one plain string: em/strong text as is, citations as
 * "[s1]" or "[s1, s2]".  Caller frees; NULL only when out of memory. */
char *rich_flatten(const struct rich *r);

const char *question_type_name(enum question_type t);
const char *note_kind_name(enum note_kind k);
const char *question_kind_name(enum question_kind k);  /* "" for QK_NONE */

#endif
