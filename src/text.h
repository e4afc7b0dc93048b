/* text.h - terminal-free text layout: UTF-8 display widths, wrapping of
 * rich text into styled lines, and a small UTF-8 line editor.
 *
 * Pure functions over UTF-8 (no curses), so layout is unit-tested without a
 * terminal.  Widths come from wcwidth() and therefore from LC_CTYPE: in a
 * UTF-8 locale double-width characters take two columns and combining marks
 * none; in any other locale every non-ASCII character is shown as '?'
 * (text_utf8() says which).  A combining mark is never separated from its
 * base character: not by wrapping, truncation nor editing.
 */
#ifndef CK_TEXT_H
#define CK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"

/* True when LC_CTYPE is UTF-8 (checked on each call; cheap). */
bool text_utf8(void);

/* Decodes one UTF-8 character at s (n bytes available): returns its length
 * (1..4) and the code point in *cp; an invalid or truncated sequence gives
 * length 1 and *cp = 0xFFFD. n == 0 returns 0. */
size_t text_decode(const char *s, size_t n, unsigned *cp);

/* Display columns of one code point (0 for combining marks, 2 for wide;
 * unprintable counts 1 because it is shown as a replacement). */
int text_cp_width(unsigned cp);

/* Display columns of the first `len` bytes of s. */
int text_width(const char *s, size_t len);

/* How many bytes from s (len bytes) fit in `cols` columns without
 * splitting a character or leaving a combining mark behind; *w (may be
 * NULL) gets the columns used. */
size_t text_fit(const char *s, size_t len, int cols, int *w);

/* ---- styled lines ------------------------------------------------------- */

enum { TS_EM = 1, TS_STRONG = 2, TS_CITE = 4, TS_TERM = 8 };

struct text_run {
	size_t off, len;         /* bytes of the line's text */
	unsigned style;          /* TS_* bits */
};

enum text_line_kind {
	TL_BLANK,
	TL_HEADING,
	TL_PARA,
	TL_ITEM,                 /* list item: a bullet before its first line */
	TL_NOTE_LABEL,           /* "Key point", "History", "Warning" */
	TL_NOTE,                 /* text inside a note box */
	TL_CITE,                 /* stand-alone "Sources: [s1]" line */
	TL_PLAIN,                /* anything else the screens lay out */
};

struct text_line {
	enum text_line_kind kind;
	enum note_kind note;     /* TL_NOTE_LABEL, TL_NOTE */
	int indent;              /* columns before the text */
	bool first;              /* first line of its paragraph or item */
	char *text;              /* UTF-8, cleaned: shows exactly as measured */
	int width;               /* display columns of text */
	struct text_run *runs;   /* cover text exactly, in order */
	size_t nruns;
};

struct text_layout {
	struct text_line *v;
	size_t n, cap;
};

void text_layout_init(struct text_layout *L);
void text_layout_release(struct text_layout *L);

/* Appends rich text wrapped to fit `width` columns counted from the left
 * edge, its lines starting `indent` columns in (a hanging indent when the
 * caller paints a prefix on the first line).  White space collapses to one
 * space; citations show as "[s1, s2]" and are never broken.  Empty text
 * adds no line.  -1 on out of memory. */
int text_add_rich(struct text_layout *L, const struct rich *r,
		  enum text_line_kind kind, int indent, int width);
/* The same for one plain string in one style. */
int text_add_str(struct text_layout *L, const char *s, unsigned style,
		 enum text_line_kind kind, int indent, int width);
int text_add_blank(struct text_layout *L);

/* Lays out a lesson page for a column `width` wide: headings, paragraphs,
 * bulleted lists (hanging indent 4), notes (a label line, then the text
 * indented 4) and citation lines, with a blank line between blocks. */
int text_layout_page(struct text_layout *L, const struct page *p, int width);

/* text_blocks.c: a list (numbered="yes": "1." before each item, hanging
 * indent; else bullets as TL_ITEM); a table (columns lined up when every
 * cell fits on one line within `width`, else each row as "header: value"
 * lines); blocks on their own (a case stem's); a case stem with its title;
 * glossary entries as "TERM: definition" paragraphs. */
int text_layout_list(struct text_layout *L, const struct block *bl, int width);
int text_layout_table(struct text_layout *L, const struct block *bl,
		      int width);
int text_layout_blocks(struct text_layout *L, const struct block *b,
		       size_t n, int width);
int text_layout_case(struct text_layout *L, const struct case_stem *cs,
		     int width);
int text_layout_terms(struct text_layout *L,
		      const struct gloss_entry *const *e, size_t n, int width);

/* The label shown on a note of kind k. */
const char *text_note_label(enum note_kind k);

/* ---- a one-line UTF-8 editor -------------------------------------------- */

struct text_edit {
	char buf[512];
	size_t len, cur;         /* bytes; cur is always on a character start */
	size_t max;              /* byte limit, < sizeof(buf) */
};

void text_edit_init(struct text_edit *ed, size_t max);
/* Inserts a code point at the cursor.  Refuses (-1) control, bidi
 * override and zero-width characters, and text beyond max. */
int text_edit_insert(struct text_edit *ed, unsigned cp);
/* Backspace and delete remove a whole character with its combining marks. */
void text_edit_backspace(struct text_edit *ed);
void text_edit_delete(struct text_edit *ed);
void text_edit_left(struct text_edit *ed);
void text_edit_right(struct text_edit *ed);
void text_edit_home(struct text_edit *ed);
void text_edit_end(struct text_edit *ed);
void text_edit_clear(struct text_edit *ed);
/* First byte to show in `cols` columns so the cursor stays visible, given
 * the previous one (keeps the view steady while typing). */
size_t text_edit_view(const struct text_edit *ed, int cols, size_t start);

#endif
