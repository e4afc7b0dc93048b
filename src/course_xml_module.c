/* course_xml_module.c - a module file's tree, already valid against the
 * schema, becomes a struct module; the checks no schema can express are
 * made on the way (unique ids, correct options, draw, pass, cite refs,
 * empty text).  Every string is copied out of libxml2. */
#include "course_xml.h"
#include "fold.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "fold.h"
#include "text.h"

/* What the full screen shows at 80x24 (see ui_reader.c, ui_question.c):
 * the text column, the text rows of a page, and options' width. */
#define SCREEN_TEXT_W 76
#define SCREEN_PAGE_ROWS 17
#define SCREEN_OPTION_W 74
#define SCREEN_OPTION_INDENT 9

struct idref {           /* an id and where it was written */
	const char *id;
	const xmlNode *node;
	size_t seq;          /* document order, for stable sorting */
	size_t idx;          /* sources: index in m->sources */
};

struct idlist {
	struct idref *v;
	size_t n, cap;
};

struct build {
	struct xsrc *s;
	struct module *m;
	const struct course_ctx *ctx;   /* may be NULL */
	struct idlist lessons, pages, questions, sources;
	unsigned char *cited;           /* per m->sources: cited somewhere */
	size_t ncited;
	int bad;             /* problems found (or out of memory) */
};

/* ---- small helpers -------------------------------------------------------- */

static bool is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static xmlNode *elem(xmlNode *n)
{
	while (n && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return n;
}

static xmlNode *first(xmlNode *parent)
{
	return elem(parent->children);
}

static xmlNode *next(xmlNode *n)
{
	return elem(n->next);
}

static size_t count(xmlNode *parent, const char *name)
{
	size_t k = 0;

	for (xmlNode *c = first(parent); c; c = next(c))
		if (is(c, name))
			k++;
	return k;
}

static void oom(struct build *b)
{
	if (!b->bad)
		xsrc_problem(b->s, 0, 0, "out of memory");
	b->bad++;
}

static char *dup(struct build *b, const char *s)
{
	char *r = strdup(s ? s : "");

	if (!r)
		oom(b);
	return r;
}

static void *alloc(struct build *b, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		oom(b);
	return p;
}

/* The attribute's value as a new string, or NULL when absent. */
static char *attr_raw(struct build *b, const xmlNode *n, const char *name)
{
	xmlAttr *a = xmlHasProp(n, (const xmlChar *)name);
	xmlChar *v;
	char *r;

	if (!a || a->type != XML_ATTRIBUTE_NODE)
		return NULL;
	if (a->children && a->children->type == XML_TEXT_NODE &&
	    !a->children->next)
		return dup(b, (const char *)a->children->content);
	v = xmlNodeListGetString(n->doc, a->children, 1);
	r = dup(b, v ? (const char *)v : "");
	xmlFree(v);
	return r;
}

/* The attribute tidied (white space collapsed and trimmed); absent or
 * empty gives NULL. */
static char *attr_text(struct build *b, const xmlNode *n, const char *name)
{
	char *v = attr_raw(b, n, name);

	if (v && text_tidy(v) == 0) {
		free(v);
		v = NULL;
	}
	return v;
}

/* A required text attribute: reported when it is only white space. */
static char *attr_need(struct build *b, const xmlNode *n, const char *name)
{
	char *v = attr_text(b, n, name);

	if (!v) {
		xsrc_node_problem(b->s, n, name, "<%s> has an empty %s",
				  (const char *)n->name, name);
		b->bad++;
		v = dup(b, "");
	}
	return v;
}

static bool attr_is(const xmlNode *n, const char *name, const char *value)
{
	xmlAttr *a = xmlHasProp(n, (const xmlChar *)name);

	return a && a->children && a->children->type == XML_TEXT_NODE &&
	       a->children->content &&
	       !strcmp((const char *)a->children->content, value);
}

/* A whole number attribute in [lo, hi]; `def` when absent. */
static int attr_int(struct build *b, const xmlNode *n, const char *name,
		    int def, long lo, long hi, const char *why)
{
	char *v = attr_text(b, n, name), *end;
	long x;

	if (!v)
		return def;
	errno = 0;
	x = strtol(v, &end, 10);
	if (errno || *end || x < lo || x > hi) {
		xsrc_node_problem(b->s, n, name, "%s=\"%s\" %s", name, v, why);
		b->bad++;
		x = def;
	}
	free(v);
	return (int)x;
}

/* Direct text children of n (not those of child elements), tidied (or
 * only collapsed when !tidy). */
static char *text_raw(struct build *b, const xmlNode *n, bool tidy)
{
	size_t len = 0;
	char *r, *w;

	for (const xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE ||
		     c->type == XML_CDATA_SECTION_NODE) && c->content)
			len += strlen((const char *)c->content);
	r = w = malloc(len + 1);
	if (!r) {
		oom(b);
		return NULL;
	}
	for (const xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE ||
		     c->type == XML_CDATA_SECTION_NODE) && c->content) {
			size_t k = strlen((const char *)c->content);
			memcpy(w, c->content, k);
			w += k;
		}
	*w = '\0';
	if (tidy)
		text_tidy(r);
	return r;
}

static char *text_of(struct build *b, const xmlNode *n)
{
	return text_raw(b, n, true);
}

/* Text that must not be empty: <title>, <option>, <accept> ... */
static char *text_need(struct build *b, const xmlNode *n, const char *what)
{
	char *t = text_of(b, n);

	if (t && !*t) {
		xsrc_node_problem(b->s, n, NULL, "%s is empty", what);
		b->bad++;
	}
	return t ? t : dup(b, "");
}

static bool ids_add(struct build *b, struct idlist *l, const char *id,
		    const xmlNode *n)
{
	if (!id)
		return false;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct idref *v = realloc(l->v, cap * sizeof(*v));
		if (!v) {
			oom(b);
			return false;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].id = id;
	l->v[l->n].node = n;
	l->v[l->n].seq = l->n;
	l->v[l->n].idx = l->n;
	l->n++;
	return true;
}

static int idref_cmp(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sorts l by id and reports each id written more than once. */
static void ids_unique(struct build *b, struct idlist *l, const char *what)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), idref_cmp);
	for (size_t i = 1, f = 0; i < l->n; i++) {
		if (strcmp(l->v[i].id, l->v[f].id)) {
			f = i;   /* the first of a new run of equal ids */
			continue;
		}
		xsrc_node_problem(b->s, l->v[i].node, "id",
				  "%s id '%s' is used more than once in this "
				  "module (first on line %ld)", what,
				  l->v[i].id, xmlGetLineNo(l->v[f].node));
		b->bad++;
	}
}

static const struct idref *ids_find(const struct idlist *l, const char *id)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(l->v[mid].id, id);
		if (c == 0)
			return &l->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Splits a space-separated id list (already tidied) in place. */
static char **split_ids(struct build *b, char *list, size_t *n)
{
	size_t k = 0;
	char **v;

	*n = 0;
	if (!list || !*list)
		return NULL;
	for (char *p = list; *p; p++)
		if (*p == ' ')
			k++;
	v = alloc(b, k + 1, sizeof(*v));
	if (!v)
		return NULL;
	for (char *p = strtok(list, " "); p; p = strtok(NULL, " ")) {
		v[*n] = dup(b, p);
		if (!v[*n])
			break;
		(*n)++;
	}
	return v;
}

/* ---- inline text ----------------------------------------------------------- */

/* Each id of a cite's ref="a b c" must name a source of the module
 * (sources are built first, so this is checked on the spot). */
static void cite_refs(struct build *b, const xmlNode *n, const char *refs)
{
	char id[80];

	for (const char *p = refs; p && *p;) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);

		if (k >= sizeof(id)) {
			xsrc_node_problem(b->s, n, "ref", "cite ref '%.20s...' "
					  "is too long to be a source id", p);
			b->bad++;
		} else {
			const struct idref *r;

			memcpy(id, p, k);
			id[k] = '\0';
			r = ids_find(&b->sources, id);
			if (!r) {
				xsrc_node_problem(b->s, n, "ref",
						  "cite ref '%s' names no "
						  "<source> of this %s", id,
						  b->m ? "module" : "course");
				b->bad++;
			} else if (b->cited && r->idx < b->ncited) {
				b->cited[r->idx] = 1;
			}
		}
		p = e ? e + 1 : NULL;
	}
}

/* <term ref="id">text</term> into sp: text (white space collapsed and
 * trimmed; empty: the entry's term), a NUL, the id.  The id must name an
 * entry of the course glossary (when the course is known).  False when
 * there is nothing to keep. */
static bool term_build(struct build *b, const xmlNode *n, struct span *sp)
{
	const struct gloss_entry *e = NULL;
	char *ref = attr_text(b, n, "ref"), *t;
	size_t tl, rl;

	if (!ref)
		return false;
	if (b->ctx && b->ctx->known) {
		e = course_find_term(b->ctx->c, ref);
		if (!e) {
			xsrc_node_problem(b->s, n, "ref",
					  "<term ref=\"%s\">: the course "
					  "<glossary> has no <entry id=\"%s\">",
					  ref, ref);
			b->bad++;
		}
	}
	t = text_of(b, n);
	if (t && !*t) {
		free(t);
		t = dup(b, e ? e->term : ref);
	}
	if (!t) {
		free(ref);
		return false;
	}
	tl = strlen(t);
	rl = strlen(ref);
	sp->text = malloc(tl + rl + 2);
	if (!sp->text) {
		oom(b);
		free(t);
		free(ref);
		return false;
	}
	memcpy(sp->text, t, tl + 1);
	memcpy(sp->text + tl + 1, ref, rl + 1);
	free(t);
	free(ref);
	return true;
}

static void rich_build(struct build *b, const xmlNode *n, struct rich *r,
		       const char *what)
{
	size_t cap = 0, k = 0;
	bool space = true;   /* the text so far ends in a space (or is empty) */

	for (const xmlNode *c = n->children; c; c = c->next)
		cap++;
	r->spans = alloc(b, cap, sizeof(*r->spans));
	r->n = 0;
	if (!r->spans)
		return;
	for (const xmlNode *c = n->children; c; c = c->next) {
		struct span *sp = &r->spans[k];
		size_t len;

		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			/* adjacent text nodes (text, CDATA) make one span */
			size_t total = 0;
			const xmlNode *e = c;
			char *w;

			for (; e && (e->type == XML_TEXT_NODE ||
				     e->type == XML_CDATA_SECTION_NODE);
			     e = e->next)
				total += e->content ?
					 strlen((const char *)e->content) : 0;
			sp->text = w = malloc(total + 1);
			if (!w) {
				oom(b);
				break;
			}
			for (e = c; e && (e->type == XML_TEXT_NODE ||
					  e->type == XML_CDATA_SECTION_NODE);
			     e = e->next) {
				size_t l = e->content ?
					   strlen((const char *)e->content) : 0;
				memcpy(w, e->content, l);
				w += l;
				c = e;
			}
			*w = '\0';
			sp->kind = SPAN_TEXT;
		} else if (is(c, "em") || is(c, "strong")) {
			sp->kind = is(c, "em") ? SPAN_EM : SPAN_STRONG;
			sp->text = text_raw(b, c, false);
			if (!sp->text)
				break;
		} else if (is(c, "term")) {
			sp->kind = SPAN_TERM;
			if (!term_build(b, c, sp))
				continue;
			k++;
			space = false;
			continue;
		} else if (is(c, "cite")) {
			sp->kind = SPAN_CITE;
			sp->text = attr_text(b, c, "ref");
			if (!sp->text)
				continue;
			cite_refs(b, c, sp->text);
			k++;
			space = false;
			continue;
		} else {
			continue;   /* comments, processing instructions */
		}
		len = text_collapse(sp->text);
		if (space && len && sp->text[0] == ' ')
			memmove(sp->text, sp->text + 1, len--);
		if (len == 0) {
			free(sp->text);
			continue;
		}
		space = sp->text[len - 1] == ' ';
		k++;
	}
	/* trim the end of the whole run */
	if (k && r->spans[k - 1].kind != SPAN_CITE &&
	    r->spans[k - 1].kind != SPAN_TERM) {
		char *t = r->spans[k - 1].text;
		size_t len = strlen(t);

		if (len && t[len - 1] == ' ')
			t[--len] = '\0';
		if (len == 0)
			free(r->spans[--k].text);
	}
	r->n = k;
	if (k == 0 && what) {
		xsrc_node_problem(b->s, n, NULL, "%s is empty", what);
		b->bad++;
	}
}

static void rich_release(struct rich *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->spans[i].text);
	free(r->spans);
	r->spans = NULL;
	r->n = 0;
}

/* ---- warnings (validate and preview only) ------------------------------------ */

static bool warn_on(const struct build *b)
{
	return b->s->d->warnings;
}

/* A title that will not fit one line at 80 columns. */
static void warn_title(struct build *b, const xmlNode *n, const char *attr,
		       const char *what, const char *t)
{
	int w;

	if (!warn_on(b) || !t)
		return;
	w = text_width(t, strlen(t));
	if (w > SCREEN_TEXT_W)
		xsrc_node_warning(b->s, n, attr, "%s is %d columns wide and will "
				  "not fit one line of an 80-column screen "
				  "(%d at most): shorten it", what, w,
				  SCREEN_TEXT_W);
}

static void warn_page_length(struct build *b, const xmlNode *n,
			     const struct page *p)
{
	struct text_layout L;
	size_t lines;

	size_t bytes = 0;

	if (!warn_on(b))
		return;
	for (size_t i = 0; i < p->nblocks; i++) {
		const struct block *bl = &p->blocks[i];

		for (size_t k = 0; k < bl->text.n; k++)
			bytes += strlen(bl->text.spans[k].text);
		for (size_t j = 0; j < bl->nitems; j++)
			for (size_t k = 0; k < bl->items[j].n; k++)
				bytes += strlen(bl->items[j].spans[k].text);
	}
	if (bytes > 4 * 2 * SCREEN_PAGE_ROWS * SCREEN_TEXT_W) {
		/* far too long to be worth laying out */
		xsrc_node_warning(b->s, n, NULL, "page '%s' is far longer than "
				  "two screens at 80x24: split it into pages",
				  p->id ? p->id : "");
		return;
	}
	text_layout_init(&L);
	if (text_layout_page(&L, p, SCREEN_TEXT_W) == 0) {
		lines = L.n;
		if (lines > 2 * SCREEN_PAGE_ROWS)
			xsrc_node_warning(b->s, n, NULL, "page '%s' is %zu lines "
					  "long at 80x24, more than two screens "
					  "(%d lines): split it into two pages",
					  p->id ? p->id : "", lines,
					  2 * SCREEN_PAGE_ROWS);
	}
	text_layout_release(&L);
}

/* Texts written twice, compared as trainees' answers are (fold_key). */
static void warn_duplicates(struct build *b, const xmlNode *n,
			    const char *const *v, size_t count,
			    const char *what)
{
	char **k;

	if (!warn_on(b) || count < 2)
		return;
	k = calloc(count, sizeof(*k));
	if (!k)
		return;
	for (size_t i = 0; i < count; i++)
		k[i] = fold_key(v[i]);
	for (size_t i = 1; i < count; i++)
		for (size_t j = 0; j < i; j++)
			if (k[i] && k[j] && !strcmp(k[i], k[j])) {
				xsrc_node_warning(b->s, n, NULL, "%s \"%s\" is "
						  "written twice in this question "
						  "(%s %zu and %zu)", what, v[i],
						  what, j + 1, i + 1);
				j = i;
			}
	for (size_t i = 0; i < count; i++)
		free(k[i]);
	free(k);
}

static void warn_question(struct build *b, const xmlNode *n,
			  const struct question *q)
{
	const char **v;
	size_t correct = 0;

	if (!warn_on(b))
		return;
	if (q->no_shuffle && q->type != Q_SINGLE && q->type != Q_MULTIPLE)
		xsrc_node_warning(b->s, n, "shuffle", "shuffle=\"no\" only "
				  "keeps the options of <single> and <multiple> "
				  "in order; it does nothing on <%s>",
				  question_type_name(q->type));
	v = calloc(q->noptions + q->nitems + 2 * q->npairs + 1, sizeof(*v));
	if (!v)
		return;
	for (size_t i = 0; i < q->noptions; i++) {
		struct text_layout L;

		v[i] = q->options[i].text;
		correct += q->options[i].correct;
		text_layout_init(&L);
		if (text_add_str(&L, q->options[i].text, 0, TL_PLAIN,
				 SCREEN_OPTION_INDENT, SCREEN_OPTION_W) == 0 &&
		    L.n > 3)
			xsrc_node_warning(b->s, n, NULL, "option %zu of question "
					  "'%s' takes %zu lines at 80 columns "
					  "(more than three): shorten it, or move "
					  "the detail to <explain>", i + 1, q->id,
					  L.n);
		text_layout_release(&L);
	}
	warn_duplicates(b, n, v, q->noptions, "the option");
	if (q->type == Q_MULTIPLE && q->noptions && correct == q->noptions)
		xsrc_node_warning(b->s, n, NULL, "every option of question '%s' "
				  "is correct: a trainee who ticks everything "
				  "always scores; add a wrong option", q->id);
	for (size_t i = 0; i < q->nitems; i++)
		v[i] = q->items[i];
	warn_duplicates(b, n, v, q->nitems, "the item");
	for (size_t i = 0; i < q->npairs; i++) {
		v[i] = q->pairs[i].right;
		v[q->npairs + i] = q->pairs[i].left;
	}
	warn_duplicates(b, n, v, q->npairs, "the answer (right)");
	warn_duplicates(b, n, v + q->npairs, q->npairs, "the item (left)");
	free(v);
}

/* ---- lessons ---------------------------------------------------------------- */

/* <table>: rows of <th>/<td> cells, every row as wide as the first. */
static void table_build(struct build *b, xmlNode *n, struct block *bl)
{
	size_t r = 0;

	bl->kind = BLOCK_TABLE;
	bl->rows = alloc(b, count(n, "tr"), sizeof(*bl->rows));
	if (!bl->rows)
		return;
	for (xmlNode *tr = first(n); tr; tr = next(tr)) {
		struct table_row *row;
		size_t k = 0;

		if (!is(tr, "tr"))
			continue;
		row = &bl->rows[r++];
		row->cells = alloc(b, xmlChildElementCount(tr),
				   sizeof(*row->cells));
		if (!row->cells)
			break;
		for (xmlNode *c = first(tr); c; c = next(c)) {
			struct table_cell *cl = &row->cells[k++];

			cl->header = is(c, "th");
			rich_build(b, c, &cl->text, NULL);
		}
		row->ncells = k;
		if (r > 1 && k != bl->rows[0].ncells) {
			xsrc_node_problem(b->s, tr, NULL,
					  "this table row has %zu cell%s but "
					  "the first row has %zu: every <tr> "
					  "needs the same number of <th>/<td>",
					  k, k == 1 ? "" : "s",
					  bl->rows[0].ncells);
			b->bad++;
		}
	}
	bl->nrows = r;
}

static void block_build(struct build *b, xmlNode *n, struct block *bl)
{
	bl->line = (int)xmlGetLineNo(n);
	if (is(n, "h")) {
		bl->kind = BLOCK_H;
		rich_build(b, n, &bl->text, "heading <h>");
	} else if (is(n, "p")) {
		bl->kind = BLOCK_P;
		rich_build(b, n, &bl->text, "paragraph <p>");
	} else if (is(n, "note")) {
		bl->kind = BLOCK_NOTE;
		bl->note = attr_is(n, "kind", "history") ? NOTE_HISTORY :
			   attr_is(n, "kind", "warning") ? NOTE_WARNING :
							    NOTE_KEY;
		rich_build(b, n, &bl->text, "<note>");
	} else if (is(n, "list")) {
		size_t k = 0;

		bl->kind = BLOCK_LIST;
		bl->numbered = attr_is(n, "numbered", "yes");
		bl->items = alloc(b, count(n, "item"), sizeof(*bl->items));
		if (!bl->items)
			return;
		for (xmlNode *c = first(n); c; c = next(c))
			if (is(c, "item"))
				rich_build(b, c, &bl->items[k++], "list <item>");
		bl->nitems = k;
	} else if (is(n, "table")) {
		table_build(b, n, bl);
	} else if (is(n, "cite")) {
		char *refs = attr_text(b, n, "ref");

		bl->kind = BLOCK_CITE;
		if (refs)
			cite_refs(b, n, refs);
		bl->refs = split_ids(b, refs, &bl->nrefs);
		free(refs);
	}
}

static void page_build(struct build *b, xmlNode *n, struct page *p)
{
	size_t k = 0;

	p->line = (int)xmlGetLineNo(n);
	p->id = attr_text(b, n, "id");
	p->title = attr_text(b, n, "title");
	ids_add(b, &b->pages, p->id, n);
	p->blocks = alloc(b, xmlChildElementCount(n), sizeof(*p->blocks));
	if (!p->blocks)
		return;
	for (xmlNode *c = first(n); c; c = next(c))
		block_build(b, c, &p->blocks[k++]);
	p->nblocks = k;
	warn_title(b, n, "title", "the page title", p->title);
	warn_page_length(b, n, p);
}

static void lesson_build(struct build *b, xmlNode *n, struct lesson *l)
{
	size_t k = 0;

	l->line = (int)xmlGetLineNo(n);
	l->id = attr_text(b, n, "id");
	l->title = attr_need(b, n, "title");
	warn_title(b, n, "title", "the lesson title", l->title);
	ids_add(b, &b->lessons, l->id, n);
	l->pages = alloc(b, count(n, "page"), sizeof(*l->pages));
	if (!l->pages)
		return;
	for (xmlNode *c = first(n); c; c = next(c))
		if (is(c, "page"))
			page_build(b, c, &l->pages[k++]);
	l->npages = k;
	b->m->npages += k;
}

/* ---- quiz ------------------------------------------------------------------ */

static void options_build(struct build *b, xmlNode *n, struct question *q)
{
	size_t k = 0, correct = 0;

	q->options = alloc(b, count(n, "option"), sizeof(*q->options));
	if (!q->options)
		return;
	for (xmlNode *c = first(n); c; c = next(c)) {
		struct option *o;

		if (!is(c, "option"))
			continue;
		o = &q->options[k++];
		o->text = text_need(b, c, "<option>");
		o->correct = attr_is(c, "correct", "yes");
		if (attr_is(c, "fixed", "last")) {
			if (!q->fixed_last)
				q->fixed_last = alloc(b, count(n, "option"),
						      sizeof(bool));
			if (q->fixed_last)
				q->fixed_last[k - 1] = true;
		}
		correct += o->correct;
		for (xmlNode *w = first(c); w; w = next(w))
			if (is(w, "why")) {
				o->why = text_of(b, w);
				if (o->why && !*o->why) {
					free(o->why);
					o->why = NULL;
				}
			}
	}
	q->noptions = k;
	if (correct == 0) {
		xsrc_node_problem(b->s, n, NULL,
				  "question '%s' has no correct option (mark "
				  "one with correct=\"yes\")", q->id);
		b->bad++;
	} else if (q->type == Q_SINGLE && correct > 1) {
		xsrc_node_problem(b->s, n, NULL,
				  "question '%s' has %zu correct options; a "
				  "<single> question needs exactly one (use "
				  "<multiple> for several)", q->id, correct);
		b->bad++;
	}
}

/* An accepted answer is compared as fold_answer() leaves it (fold.h), with
 * '*' a wildcard: one that is nothing but wildcards accepts every answer,
 * and one that is nothing but punctuation can never be typed. */
static void accept_check(struct build *b, const xmlNode *n, const char *t)
{
	char *f = fold_answer(t, true);

	if (!f) {
		oom(b);
		return;
	}
	if (!*f)
		xsrc_node_problem(b->s, n, NULL, "<accept>%s</accept> is only "
				  "punctuation, which is ignored at the ends of "
				  "an answer, so nothing typed can match it", t);
	else if (!strcmp(f, "*"))
		xsrc_node_problem(b->s, n, NULL, "<accept>%s</accept> would "
				  "accept every answer: '*' matches any text, so "
				  "write some of the answer around it", t);
	if (!*f || !strcmp(f, "*"))
		b->bad++;
	free(f);
}

static char **texts_build(struct build *b, xmlNode *n, const char *name,
			  const char *what, size_t *out)
{
	size_t k = 0;
	char **v = alloc(b, count(n, name), sizeof(*v));

	*out = 0;
	if (!v)
		return NULL;
	for (xmlNode *c = first(n); c; c = next(c))
		if (is(c, name)) {
			v[k] = text_need(b, c, what);
			if (!strcmp(name, "accept") && *v[k])
				accept_check(b, c, v[k]);
			k++;
		}
	*out = k;
	return v;
}

static void case_build(struct build *b, xmlNode *n, struct case_stem *cs)
{
	size_t k = 0;

	cs->line = (int)xmlGetLineNo(n);
	cs->id = attr_text(b, n, "id");
	if (!cs->id)
		cs->id = dup(b, "");
	cs->title = attr_text(b, n, "title");
	warn_title(b, n, "title", "the case title", cs->title);
	cs->blocks = alloc(b, xmlChildElementCount(n), sizeof(*cs->blocks));
	if (!cs->blocks)
		return;
	for (xmlNode *c = first(n); c; c = next(c))
		block_build(b, c, &cs->blocks[k++]);
	cs->nblocks = k;
}

/* case="id" on a question: a <case> of the quiz.  On <text>, the old
 * case="ignore|exact" (letter case of typed answers) is now letter-case. */
static void question_case(struct build *b, xmlNode *n, struct question *q,
			  const struct quiz *z)
{
	char *id = attr_text(b, n, "case");

	if (!id)
		return;
	if (is(n, "text") && (!strcmp(id, "ignore") || !strcmp(id, "exact"))) {
		xsrc_node_problem(b->s, n, "case",
				  "case=\"%s\" on <text> no longer sets letter "
				  "case: case=\"...\" now names a <case> stem. "
				  "Write letter-case=\"exact\" for answers whose "
				  "capitals must match, or drop the attribute "
				  "(answers ignore letter case by default)", id);
		b->bad++;
		free(id);
		return;
	}
	for (size_t i = 0; z && i < z->ncases; i++)
		if (!strcmp(z->cases[i].id, id))
			q->stem = &z->cases[i];
	if (!q->stem) {
		xsrc_node_problem(b->s, n, "case",
				  "case=\"%s\": this quiz has no <case "
				  "id=\"%s\"> (cases come before the "
				  "questions, inside <quiz>)", id, id);
		b->bad++;
	}
	free(id);
}

static void question_build(struct build *b, xmlNode *n, struct question *q,
			   const struct quiz *z)
{
	q->line = (int)xmlGetLineNo(n);
	q->id = attr_text(b, n, "id");
	if (!q->id)
		q->id = dup(b, "");
	ids_add(b, &b->questions, q->id, n);
	q->points = attr_int(b, n, "points", 1, 1, 1000,
			     "must be a whole number from 1 to 1000");
	q->critical = attr_is(n, "critical", "yes");
	q->kind = attr_is(n, "kind", "recall") ? QK_RECALL :
		  attr_is(n, "kind", "decision") ? QK_DECISION : QK_NONE;
	q->no_shuffle = attr_is(n, "shuffle", "no");
	question_case(b, n, q, z);
	for (xmlNode *c = first(n); c; c = next(c)) {
		if (is(c, "prompt"))
			rich_build(b, c, &q->prompt, "<prompt>");
		else if (is(c, "hint"))
			rich_build(b, c, &q->hint, NULL);
		else if (is(c, "explain"))
			rich_build(b, c, &q->explain, NULL);
	}
	if (is(n, "single") || is(n, "multiple")) {
		q->type = is(n, "single") ? Q_SINGLE : Q_MULTIPLE;
		q->partial = attr_is(n, "scoring", "partial");
		options_build(b, n, q);
	} else if (is(n, "truefalse")) {
		q->type = Q_TRUEFALSE;
		q->answer = attr_is(n, "answer", "true");
	} else if (is(n, "text")) {
		q->type = Q_TEXT;
		q->ignore_case = !attr_is(n, "letter-case", "exact");
		q->accept = texts_build(b, n, "accept", "<accept>",
					&q->naccept);
	} else if (is(n, "order")) {
		q->type = Q_ORDER;
		q->items = texts_build(b, n, "item", "order <item>",
				       &q->nitems);
	} else if (is(n, "match")) {
		size_t k = 0;

		q->type = Q_MATCH;
		q->pairs = alloc(b, count(n, "pair"), sizeof(*q->pairs));
		if (!q->pairs)
			return;
		for (xmlNode *c = first(n); c; c = next(c))
			if (is(c, "pair")) {
				q->pairs[k].left = attr_need(b, c, "left");
				q->pairs[k].right = attr_need(b, c, "right");
				k++;
			}
		q->npairs = k;
	}
	warn_question(b, n, q);
}

static struct quiz *quiz_build(struct build *b, xmlNode *n)
{
	struct quiz *z = alloc(b, 1, sizeof(*z));
	size_t k = 0, critical = 0;

	if (!z)
		return NULL;
	z->line = (int)xmlGetLineNo(n);
	z->id = attr_text(b, n, "id");
	z->title = attr_need(b, n, "title");
	warn_title(b, n, "title", "the quiz title", z->title);
	z->pass = attr_int(b, n, "pass", 80, 0, 100,
			   "is not a percentage from 0 to 100");
	z->attempts = attr_int(b, n, "attempts", 0, 0, 1000,
			       "must be a whole number from 0 (unlimited) "
			       "to 1000");
	z->shuffle = attr_is(n, "shuffle", "yes");
	z->draw = attr_int(b, n, "draw", 0, 0, INT_MAX,
			   "must be a whole number");
	z->feedback = attr_is(n, "feedback", "deferred") ? FEEDBACK_DEFERRED :
							    FEEDBACK_IMMEDIATE;
	z->cases = alloc(b, count(n, "case"), sizeof(*z->cases));
	if (!z->cases)
		return z;
	for (xmlNode *c = first(n); c; c = next(c))
		if (is(c, "case")) {
			case_build(b, c, &z->cases[z->ncases]);
			for (size_t i = 0; i < z->ncases; i++)
				if (!strcmp(z->cases[i].id,
					    z->cases[z->ncases].id)) {
					xsrc_node_problem(
						b->s, c, "id",
						"case id '%s' is used more "
						"than once in this quiz (first "
						"on line %d)",
						z->cases[i].id,
						z->cases[i].line);
					b->bad++;
					break;
				}
			z->ncases++;
		}
	z->questions = alloc(b, xmlChildElementCount(n), sizeof(*z->questions));
	if (!z->questions)
		return z;
	for (xmlNode *c = first(n); c; c = next(c)) {
		if (is(c, "case"))
			continue;
		question_build(b, c, &z->questions[k], z);
		critical += z->questions[k].critical;
		k++;
	}
	z->nquestions = k;
	if (z->draw > 0 && (size_t)z->draw > k) {
		xsrc_node_problem(b->s, n, "draw",
				  "quiz '%s' has draw=\"%d\" but only %zu "
				  "question%s", z->id, z->draw, k,
				  k == 1 ? "" : "s");
		b->bad++;
	} else if (z->draw > 0 && (size_t)z->draw < critical) {
		xsrc_node_problem(b->s, n, "draw",
				  "quiz '%s' has draw=\"%d\" but %zu "
				  "critical questions; critical questions are "
				  "always drawn, so draw must be at least %zu",
				  z->id, z->draw, critical, critical);
		b->bad++;
	}
	return z;
}

/* ---- the module ------------------------------------------------------------ */

/* <source id>...</source> into src; or <source ref="id"/>: a copy of the
 * course source with that id. */
static void source_build(struct build *b, xmlNode *c, struct source *src)
{
	char *ref = attr_text(b, c, "ref");
	const struct source *cs = NULL;

	if (!ref) {
		src->id = attr_text(b, c, "id");
		src->title = text_need(b, c, "<source> (the title of the work)");
		src->publisher = attr_text(b, c, "publisher");
		src->year = attr_text(b, c, "year");
		src->url = attr_text(b, c, "url");
		return;
	}
	src->from_course = true;
	src->id = ref;
	if (b->ctx && b->ctx->known) {
		for (size_t i = 0; i < b->ctx->c->nsources; i++)
			if (!strcmp(b->ctx->c->sources[i].id, ref))
				cs = &b->ctx->c->sources[i];
		if (!cs) {
			xsrc_node_problem(b->s, c, "ref",
					  "<source ref=\"%s\">: course.xml has "
					  "no <source id=\"%s\"> in its "
					  "<sources>", ref, ref);
			b->bad++;
		}
	}
	src->title = dup(b, cs ? cs->title : ref);
	if (cs) {
		src->publisher = cs->publisher ? dup(b, cs->publisher) : NULL;
		src->year = cs->year ? dup(b, cs->year) : NULL;
		src->url = cs->url ? dup(b, cs->url) : NULL;
	}
}

static void sources_into(struct build *b, xmlNode *n, struct source **out,
			 size_t *nout)
{
	size_t k = 0;

	*out = alloc(b, count(n, "source"), sizeof(**out));
	if (!*out)
		return;
	for (xmlNode *c = first(n); c; c = next(c)) {
		struct source *src;

		if (!is(c, "source"))
			continue;
		src = &(*out)[k++];
		source_build(b, c, src);
		if (src->id && ids_add(b, &b->sources, src->id, c))
			b->sources.v[b->sources.n - 1].idx = k - 1;
	}
	*nout = k;
}

static void source_release(struct source *src)
{
	free(src->id);
	free(src->title);
	free(src->publisher);
	free(src->year);
	free(src->url);
}

/* Warns of each source that nothing cites. */
static void warn_uncited(struct build *b, const char *where)
{
	for (size_t i = 0; i < b->sources.n; i++) {
		const struct idref *r = &b->sources.v[i];

		if (r->idx < b->ncited && !b->cited[r->idx])
			xsrc_node_warning(b->s, r->node, NULL,
					  "source '%s' is never cited in this "
					  "%s (cite it with <cite ref=\"%s\"/>, "
					  "or remove it)", r->id, where, r->id);
	}
}

int module_build(struct xsrc *s, xmlNode *root, struct module *m,
		 const struct course_ctx *ctx)
{
	struct build b = { .s = s, .m = m, .ctx = ctx };
	size_t k = 0;

	m->id = attr_text(&b, root, "id");
	m->version = attr_int(&b, root, "version", 1, 1, INT_MAX,
			      "is too large");
	m->lang = attr_text(&b, root, "lang");
	if (!m->lang)
		m->lang = dup(&b, "en");
	m->file = dup(&b, s->path);
	xsrc_hash(s, m->hash);
	/* sources first: cite refs are checked against them as they come */
	for (xmlNode *c = first(root); c; c = next(c))
		if (is(c, "sources"))
			sources_into(&b, c, &m->sources, &m->nsources);
	ids_unique(&b, &b.sources, "source");
	if (s->d->warnings) {
		b.cited = alloc(&b, m->nsources, 1);
		b.ncited = b.cited ? m->nsources : 0;
	}
	m->lessons = alloc(&b, count(root, "lesson"), sizeof(*m->lessons));
	for (xmlNode *c = first(root); c; c = next(c)) {
		if (is(c, "title")) {
			m->title = text_need(&b, c, "module <title>");
			warn_title(&b, c, NULL, "the module title", m->title);
		} else if (is(c, "meta")) {
			m->minutes = attr_int(&b, c, "minutes", 0, 1, 100000,
					      "must be a whole number of "
					      "minutes from 1 to 100000");
			m->audience = attr_text(&b, c, "audience");
			m->content_note = attr_text(&b, c, "content-note");
		} else if (is(c, "lesson") && m->lessons) {
			lesson_build(&b, c, &m->lessons[k++]);
			m->nlessons = k;
		} else if (is(c, "quiz")) {
			m->quiz = quiz_build(&b, c);
		}
	}
	if (!m->id)
		m->id = dup(&b, "");
	if (!m->title)
		m->title = dup(&b, "");
	ids_unique(&b, &b.lessons, "lesson");
	ids_unique(&b, &b.pages, "page");
	ids_unique(&b, &b.questions, "question");
	warn_uncited(&b, "module");
	free(b.cited);
	free(b.lessons.v);
	free(b.pages.v);
	free(b.questions.v);
	free(b.sources.v);
	return b.bad ? -1 : 0;
}

/* ---- freeing ------------------------------------------------------------------ */

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void question_release(struct question *q)
{
	free(q->id);
	rich_release(&q->prompt);
	rich_release(&q->hint);
	rich_release(&q->explain);
	for (size_t i = 0; i < q->noptions; i++) {
		free(q->options[i].text);
		free(q->options[i].why);
	}
	free(q->options);
	free(q->fixed_last);
	strv_free(q->accept, q->naccept);
	strv_free(q->items, q->nitems);
	for (size_t i = 0; i < q->npairs; i++) {
		free(q->pairs[i].left);
		free(q->pairs[i].right);
	}
	free(q->pairs);
}

static void block_release(struct block *bl);

static void quiz_free(struct quiz *z)
{
	if (!z)
		return;
	free(z->id);
	free(z->title);
	for (size_t i = 0; i < z->ncases; i++) {
		for (size_t k = 0; k < z->cases[i].nblocks; k++)
			block_release(&z->cases[i].blocks[k]);
		free(z->cases[i].blocks);
		free(z->cases[i].id);
		free(z->cases[i].title);
	}
	free(z->cases);
	for (size_t i = 0; i < z->nquestions; i++)
		question_release(&z->questions[i]);
	free(z->questions);
	free(z);
}

static void block_release(struct block *bl)
{
	rich_release(&bl->text);
	for (size_t i = 0; i < bl->nitems; i++)
		rich_release(&bl->items[i]);
	free(bl->items);
	for (size_t r = 0; r < bl->nrows; r++) {
		for (size_t k = 0; k < bl->rows[r].ncells; k++)
			rich_release(&bl->rows[r].cells[k].text);
		free(bl->rows[r].cells);
	}
	free(bl->rows);
	strv_free(bl->refs, bl->nrefs);
}

void module_release(struct module *m)
{
	if (!m)
		return;
	free(m->id);
	free(m->lang);
	free(m->title);
	free(m->audience);
	free(m->content_note);
	free(m->file);
	strv_free(m->requires, m->nrequires);
	for (size_t i = 0; i < m->nlessons; i++) {
		struct lesson *l = &m->lessons[i];

		for (size_t j = 0; j < l->npages; j++) {
			struct page *p = &l->pages[j];

			for (size_t k = 0; k < p->nblocks; k++)
				block_release(&p->blocks[k]);
			free(p->blocks);
			free(p->id);
			free(p->title);
		}
		free(l->pages);
		free(l->id);
		free(l->title);
	}
	free(m->lessons);
	quiz_free(m->quiz);
	for (size_t i = 0; i < m->nsources; i++)
		source_release(&m->sources[i]);
	free(m->sources);
	memset(m, 0, sizeof(*m));
}

/* ---- the course manifest's glossary and sources ------------------------------ */

int course_extras_build(struct xsrc *s, xmlNode *root, struct course *c)
{
	struct build b = { .s = s, .m = NULL };
	struct idlist entries = { 0 };
	xmlNode *gl = NULL;

	for (xmlNode *n = first(root); n; n = next(n)) {
		if (is(n, "sources"))
			sources_into(&b, n, &c->sources, &c->nsources);
		else if (is(n, "glossary"))
			gl = n;
	}
	ids_unique(&b, &b.sources, "course source");
	if (gl) {
		size_t k = 0;

		c->glossary = alloc(&b, count(gl, "entry"), sizeof(*c->glossary));
		for (xmlNode *n = first(gl); n && c->glossary; n = next(n)) {
			struct gloss_entry *e;

			if (!is(n, "entry"))
				continue;
			e = &c->glossary[k++];
			e->id = attr_text(&b, n, "id");
			if (!e->id)
				e->id = dup(&b, "");
			e->term = attr_need(&b, n, "term");
			rich_build(&b, n, &e->def, "glossary <entry> (the "
				   "definition)");
			ids_add(&b, &entries, e->id, n);
		}
		c->nglossary = k;
		ids_unique(&b, &entries, "glossary entry");
	}
	free(entries.v);
	free(b.sources.v);
	return b.bad ? -1 : 0;
}

void course_extras_release(struct course *c)
{
	for (size_t i = 0; i < c->nglossary; i++) {
		free(c->glossary[i].id);
		free(c->glossary[i].term);
		rich_release(&c->glossary[i].def);
	}
	free(c->glossary);
	for (size_t i = 0; i < c->nsources; i++)
		source_release(&c->sources[i]);
	free(c->sources);
	c->glossary = NULL;
	c->sources = NULL;
	c->nglossary = c->nsources = 0;
}
