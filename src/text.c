/* text.c - UTF-8 widths, wrapping of rich text into styled lines, and a
 * one-line editor.  No curses here: see text.h. */
#define _XOPEN_SOURCE 700       /* wcwidth */
#include "text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

bool text_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

size_t text_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, min;
	size_t len;

	if (n == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n < len)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and beyond U+10FFFF are invalid */
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

static size_t encode(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int text_cp_width(unsigned cp)
{
	int w;

	if (cp < 0x80)
		return 1;
	if (!text_utf8())
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* A character that must not be shown as is: controls, invalid sequences,
 * and anything the locale cannot print. */
static bool unprintable(unsigned cp)
{
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return true;
	if (cp == 0xFFFD)
		return false;
	if (cp >= 0x80 && !text_utf8())
		return true;
	return cp >= 0x80 && wcwidth((wchar_t)cp) < 0;
}

int text_width(const char *s, size_t len)
{
	size_t i = 0;
	int w = 0;

	while (i < len) {
		unsigned cp;

		i += text_decode(s + i, len - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

size_t text_fit(const char *s, size_t len, int cols, int *wout)
{
	size_t i = 0, fit = 0;
	int w = 0, fitw = 0;

	while (i < len) {
		unsigned cp;
		size_t n = text_decode(s + i, len - i, &cp);
		int cw = text_cp_width(cp);

		if (cw > 0) {
			/* a new character starts: what came before is whole */
			fit = i, fitw = w;
			if (w + cw > cols)
				break;
		}
		w += cw;
		i += n;
	}
	if (i >= len)
		fit = len, fitw = w;
	if (wout)
		*wout = fitw;
	return fit;
}

/* ---- a flat paragraph: bytes with a style per byte ------------------------ */

struct flat {
	char *s;
	unsigned char *st;
	size_t n, cap;
	bool oom;
};

static void flat_put(struct flat *f, const char *b, size_t n, unsigned style)
{
	if (f->oom)
		return;
	if (f->n + n + 1 > f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 128;
		char *s;
		unsigned char *st;

		while (cap < f->n + n + 1)
			cap *= 2;
		s = realloc(f->s, cap);
		if (s)
			f->s = s;
		st = realloc(f->st, cap);
		if (st)
			f->st = st;
		if (!s || !st) {
			f->oom = true;
			return;
		}
		f->cap = cap;
	}
	memcpy(f->s + f->n, b, n);
	memset(f->st + f->n, (int)style, n);
	f->n += n;
	f->s[f->n] = '\0';
}

/* Appends text, collapsing white space (also across spans) and replacing
 * what cannot be shown by U+FFFD (or '?' outside UTF-8). */
static void flat_text(struct flat *f, const char *t, unsigned style)
{
	size_t len = strlen(t);

	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = text_decode(t + i, len - i, &cp);

		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
			if (f->n > 0 && f->s[f->n - 1] != ' ')
				flat_put(f, " ", 1, style);
		} else if (unprintable(cp)) {
			if (text_utf8())
				flat_put(f, "\xEF\xBF\xBD", 3, style);
			else
				flat_put(f, "?", 1, style);
		} else {
			flat_put(f, t + i, n, style);
		}
		i += n;
	}
}

/* "s1 s2" -> "[s1, s2]" */
static void flat_cite(struct flat *f, const char *refs)
{
	bool first = true;

	if (f->n > 0 && f->s[f->n - 1] != ' ')
		flat_put(f, " ", 1, 0);
	flat_put(f, "[", 1, TS_CITE);
	for (const char *p = refs; *p;) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (!n)
			break;
		if (!first)
			flat_put(f, ", ", 2, TS_CITE);
		flat_put(f, p, n, TS_CITE);
		first = false;
		p += n;
	}
	flat_put(f, "]", 1, TS_CITE);
}

static void flat_trim(struct flat *f)
{
	while (f->n > 0 && f->s[f->n - 1] == ' ')
		f->s[--f->n] = '\0';
}

/* ---- wrapping ------------------------------------------------------------- */

struct token {
	size_t off, end;         /* bytes in the flat text */
	int width;
	bool space_before;       /* a breaking space came before it */
	unsigned space_style;
};

static int layout_push(struct text_layout *L, struct text_line *ln)
{
	if (L->n == L->cap) {
		size_t cap = L->cap ? L->cap * 2 : 32;
		struct text_line *v = realloc(L->v, cap * sizeof(*v));

		if (!v)
			return -1;
		L->v = v;
		L->cap = cap;
	}
	L->v[L->n++] = *ln;
	return 0;
}

/* One line from tokens [a, b) of the flat text. */
static int emit_line(struct text_layout *L, const struct flat *f,
		     const struct token *t, size_t a, size_t b,
		     enum text_line_kind kind, int indent, bool first)
{
	struct text_line ln = { .kind = kind, .indent = indent, .first = first };
	size_t len = 0, pos = 0;
	unsigned char *st;

	for (size_t i = a; i < b; i++)
		len += t[i].end - t[i].off + 1;
	ln.text = malloc(len + 1);
	st = malloc(len + 1);
	if (!ln.text || !st)
		goto oom;
	for (size_t i = a; i < b; i++) {
		if (i > a && t[i].space_before) {
			ln.text[pos] = ' ';
			st[pos++] = (unsigned char)t[i].space_style;
		}
		memcpy(ln.text + pos, f->s + t[i].off, t[i].end - t[i].off);
		memcpy(st + pos, f->st + t[i].off, t[i].end - t[i].off);
		pos += t[i].end - t[i].off;
	}
	ln.text[pos] = '\0';
	ln.width = text_width(ln.text, pos);
	/* runs: maximal stretches of one style */
	ln.runs = malloc((pos ? pos : 1) * sizeof(*ln.runs));
	if (!ln.runs)
		goto oom;
	for (size_t i = 0; i < pos;) {
		size_t j = i;

		while (j < pos && st[j] == st[i])
			j++;
		ln.runs[ln.nruns++] = (struct text_run){ i, j - i, st[i] };
		i = j;
	}
	free(st);
	if (layout_push(L, &ln) < 0) {
		st = NULL;
		goto oom;
	}
	return 0;
oom:
	free(st);
	free(ln.text);
	free(ln.runs);
	return -1;
}

/* Splits the flat text into unbreakable tokens: breaks at spaces (except
 * inside citations) and on either side of a double-width character. */
static struct token *tokenize(const struct flat *f, size_t *ntok)
{
	struct token *t = malloc((f->n + 1) * sizeof(*t));
	size_t n = 0;
	bool space = false, prev_wide = false;
	unsigned space_style = 0;

	if (!t)
		return NULL;
	for (size_t i = 0; i < f->n;) {
		unsigned cp;
		size_t len = text_decode(f->s + i, f->n - i, &cp);
		int w = text_cp_width(cp);

		if (cp == ' ' && !(f->st[i] & TS_CITE)) {
			space = true;
			space_style = f->st[i];
			prev_wide = false;
			i += len;
			continue;
		}
		if (n == 0 || space || (w > 0 && (w > 1 || prev_wide))) {
			t[n] = (struct token){ i, i, 0, space && n > 0,
					       space_style };
			n++;
		}
		t[n - 1].end = i + len;
		t[n - 1].width += w;
		space = false;
		if (w > 0)
			prev_wide = w > 1;
		i += len;
	}
	*ntok = n;
	return t;
}

static int wrap_flat(struct text_layout *L, struct flat *f,
		     enum text_line_kind kind, int indent, int width)
{
	size_t ntok, start = 0;
	struct token *t;
	int avail = width - indent, cur = 0, rc = 0;
	bool first = true;

	if (avail < 1)
		avail = 1;
	flat_trim(f);
	if (f->oom)
		return -1;
	if (f->n == 0)
		return 0;
	t = tokenize(f, &ntok);
	if (!t)
		return -1;
	for (size_t i = 0; i < ntok; i++) {
		int need = (cur > 0 && t[i].space_before ? 1 : 0) + t[i].width;

		if (cur + need <= avail) {
			cur += need;
			continue;
		}
		if (cur > 0) {
			if (emit_line(L, f, t, start, i, kind, indent, first) < 0)
				goto oom;
			first = false;
			start = i;
			cur = 0;
		}
		/* a word longer than the line: cut it at character bounds */
		while (t[i].width > avail) {
			struct token head = t[i];
			int w;
			size_t fit = text_fit(f->s + head.off, head.end - head.off,
					      avail, &w);

			if (fit == 0) {         /* one character wider than the line */
				unsigned cp;

				fit = text_decode(f->s + head.off,
						  head.end - head.off, &cp);
				while (head.off + fit < head.end) {
					size_t k = text_decode(f->s + head.off + fit,
							       head.end - head.off - fit,
							       &cp);
					if (text_cp_width(cp) > 0)
						break;
					fit += k;
				}
				w = text_width(f->s + head.off, fit);
			}
			head.end = head.off + fit;
			head.width = w;
			if (emit_line(L, f, &head, 0, 1, kind, indent, first) < 0)
				goto oom;
			first = false;
			t[i].off += fit;
			t[i].width -= w;
			t[i].space_before = false;
			if (t[i].off >= t[i].end)
				break;
		}
		start = i;
		cur = t[i].off < t[i].end ? t[i].width : 0;
		if (t[i].off >= t[i].end)
			start = i + 1;
	}
	if (start < ntok && emit_line(L, f, t, start, ntok, kind, indent, first) < 0)
		goto oom;
	goto out;
oom:
	rc = -1;
out:
	free(t);
	return rc;
}

void text_layout_init(struct text_layout *L)
{
	memset(L, 0, sizeof(*L));
}

void text_layout_release(struct text_layout *L)
{
	for (size_t i = 0; i < L->n; i++) {
		free(L->v[i].text);
		free(L->v[i].runs);
	}
	free(L->v);
	text_layout_init(L);
}

static int wrap_and_free(struct text_layout *L, struct flat *f,
			 enum text_line_kind kind, int indent, int width)
{
	int rc = wrap_flat(L, f, kind, indent, width);

	free(f->s);
	free(f->st);
	return rc;
}

int text_add_rich(struct text_layout *L, const struct rich *r,
		  enum text_line_kind kind, int indent, int width)
{
	struct flat f = { 0 };

	for (size_t i = 0; r && i < r->n; i++) {
		const struct span *sp = &r->spans[i];

		switch (sp->kind) {
		case SPAN_TEXT: flat_text(&f, sp->text, 0); break;
		case SPAN_EM: flat_text(&f, sp->text, TS_EM); break;
		case SPAN_STRONG: flat_text(&f, sp->text, TS_STRONG); break;
		case SPAN_CITE: flat_cite(&f, sp->text); break;
		case SPAN_TERM: flat_text(&f, sp->text, TS_TERM); break;
		}
	}
	return wrap_and_free(L, &f, kind, indent, width);
}

int text_add_str(struct text_layout *L, const char *s, unsigned style,
		 enum text_line_kind kind, int indent, int width)
{
	struct flat f = { 0 };

	flat_text(&f, s ? s : "", style);
	return wrap_and_free(L, &f, kind, indent, width);
}

int text_add_blank(struct text_layout *L)
{
	struct text_line ln = { .kind = TL_BLANK, .first = true };

	ln.text = calloc(1, 1);
	if (!ln.text)
		return -1;
	if (layout_push(L, &ln) < 0) {
		free(ln.text);
		return -1;
	}
	return 0;
}

const char *text_note_label(enum note_kind k)
{
	switch (k) {
	case NOTE_KEY: return "Key point";
	case NOTE_HISTORY: return "History";
	case NOTE_WARNING: return "Warning";
	}
	return "Note";
}

static void set_note(struct text_layout *L, size_t from, enum note_kind k)
{
	for (size_t i = from; i < L->n; i++)
		L->v[i].note = k;
}

int text_layout_page(struct text_layout *L, const struct page *p, int width)
{
	for (size_t b = 0; b < p->nblocks; b++) {
		const struct block *bl = &p->blocks[b];
		size_t from = L->n;
		int rc = 0;

		if (L->n > 0 && text_add_blank(L) < 0)
			return -1;
		switch (bl->kind) {
		case BLOCK_H:
			rc = text_add_rich(L, &bl->text, TL_HEADING, 0, width);
			break;
		case BLOCK_P:
			rc = text_add_rich(L, &bl->text, TL_PARA, 0, width);
			break;
		case BLOCK_LIST:
			rc = text_layout_list(L, bl, width);
			break;
		case BLOCK_TABLE:
			rc = text_layout_table(L, bl, width);
			break;
		case BLOCK_NOTE:
			from = L->n;
			rc = text_add_str(L, text_note_label(bl->note), TS_STRONG,
					  TL_NOTE_LABEL, 4, width);
			if (!rc)
				rc = text_add_rich(L, &bl->text, TL_NOTE, 4, width);
			set_note(L, from, bl->note);
			break;
		case BLOCK_CITE: {
			struct span sp[2] = { { SPAN_TEXT, "Sources:" },
					      { SPAN_CITE, NULL } };
			struct rich r = { sp, 2 };
			size_t len = 1;
			char *refs;

			for (size_t i = 0; i < bl->nrefs; i++)
				len += strlen(bl->refs[i]) + 1;
			refs = calloc(1, len);
			if (!refs)
				return -1;
			for (size_t i = 0; i < bl->nrefs; i++) {
				strcat(refs, bl->refs[i]);
				strcat(refs, " ");
			}
			sp[1].text = refs;
			rc = text_add_rich(L, &r, TL_CITE, 0, width);
			free(refs);
			break;
		}
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- the line editor ----------------------------------------------------- */

void text_edit_init(struct text_edit *ed, size_t max)
{
	memset(ed, 0, sizeof(*ed));
	ed->max = max && max < sizeof(ed->buf) ? max : sizeof(ed->buf) - 1;
}

void text_edit_clear(struct text_edit *ed)
{
	ed->len = ed->cur = 0;
	ed->buf[0] = '\0';
}

static bool refused(unsigned cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF ||
	       (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || cp == 0xFFFD;
}

int text_edit_insert(struct text_edit *ed, unsigned cp)
{
	char b[4];
	size_t n;

	if (refused(cp))
		return -1;
	n = encode(cp, b);
	if (ed->len + n > ed->max)
		return -1;
	memmove(ed->buf + ed->cur + n, ed->buf + ed->cur, ed->len - ed->cur);
	memcpy(ed->buf + ed->cur, b, n);
	ed->len += n;
	ed->cur += n;
	ed->buf[ed->len] = '\0';
	return 0;
}

/* Start of the character cluster (base + combining marks) before `pos`. */
static size_t cluster_before(const struct text_edit *ed, size_t pos)
{
	while (pos > 0) {
		unsigned cp;
		size_t p = pos - 1;

		while (p > 0 && ((unsigned char)ed->buf[p] & 0xC0) == 0x80)
			p--;
		text_decode(ed->buf + p, ed->len - p, &cp);
		pos = p;
		if (text_cp_width(cp) > 0)
			break;
	}
	return pos;
}

/* End of the cluster starting at `pos`. */
static size_t cluster_after(const struct text_edit *ed, size_t pos)
{
	unsigned cp;

	if (pos >= ed->len)
		return ed->len;
	pos += text_decode(ed->buf + pos, ed->len - pos, &cp);
	while (pos < ed->len) {
		size_t n = text_decode(ed->buf + pos, ed->len - pos, &cp);

		if (text_cp_width(cp) > 0)
			break;
		pos += n;
	}
	return pos;
}

static void cut(struct text_edit *ed, size_t a, size_t b)
{
	memmove(ed->buf + a, ed->buf + b, ed->len - b);
	ed->len -= b - a;
	ed->buf[ed->len] = '\0';
}

void text_edit_backspace(struct text_edit *ed)
{
	size_t a = cluster_before(ed, ed->cur);

	cut(ed, a, ed->cur);
	ed->cur = a;
}

void text_edit_delete(struct text_edit *ed)
{
	cut(ed, ed->cur, cluster_after(ed, ed->cur));
}

void text_edit_left(struct text_edit *ed)
{
	ed->cur = cluster_before(ed, ed->cur);
}

void text_edit_right(struct text_edit *ed)
{
	ed->cur = cluster_after(ed, ed->cur);
}

void text_edit_home(struct text_edit *ed)
{
	ed->cur = 0;
}

void text_edit_end(struct text_edit *ed)
{
	ed->cur = ed->len;
}

size_t text_edit_view(const struct text_edit *ed, int cols, size_t start)
{
	if (cols < 2)
		cols = 2;
	if (start > ed->cur)
		start = cluster_before(ed, ed->cur);
	/* keep one column free for the cursor after the text */
	while (start < ed->cur &&
	       text_width(ed->buf + start, ed->cur - start) > cols - 1)
		start = cluster_after(ed, start);
	return start;
}
