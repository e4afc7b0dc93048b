/* course_xml.c - reading, parsing and validating one course file, safely.
 *
 * Course files come from people, USB sticks and e-mail, so nothing in them
 * is trusted (see shared/design/reliability.md for what libxml2 2.9 does and
 * does not promise):
 *  - we read the file ourselves, only when it is a regular file, with a size
 *    cap: xmlReadFile would follow FIFOs, read /dev/zero or gunzip;
 *  - the parser gets XML_PARSE_NONET only: no NOENT, DTDLOAD, XINCLUDE or
 *    HUGE; an external entity loader refuses every load, and the parse is
 *    stopped at the first DOCTYPE, so no entity (bomb or external) is ever
 *    declared, let alone expanded;
 *  - every libxml2 error or warning is a problem, with its line and column;
 *  - the document is validated against the RELAX NG schema compiled into
 *    the binary (courses/coursekiosk.rng), parsed once per process.
 */
#include "course_xml.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <sodium.h>

extern const unsigned char ck_schema_rng[];
extern const unsigned long ck_schema_rng_len;

static xmlRelaxNGPtr schema;
/* One parser context for every file: xmlCtxtReadMemory resets it, and its
 * dictionary of element names is worth keeping. */
static xmlParserCtxtPtr parser;
static bool schema_broken;
static struct xsrc *current;   /* the file whose errors libxml2 reports */

/* ---- problems ------------------------------------------------------------ */

/* Messages may quote the file (libxml2 echoes names and text); they go to a
 * terminal, so anything that could control it is replaced by '?'. */
static void sanitize(char *m)
{
	size_t len = strlen(m);
	unsigned char *p = (unsigned char *)m;

	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = utf8_decode(p + i, len - i, &cp);

		if (n == 0) {
			p[i++] = '?';
			continue;
		}
		if (cp == '\t' || cp == '\r' || cp == '\n') {
			p[i++] = ' ';
			continue;
		}
		if (text_char_forbidden(cp)) {
			memset(p + i, '?', 1);
			memmove(p + i + 1, p + i + n, len - i - n + 1);
			len -= n - 1;
			i++;
			continue;
		}
		i += n;
	}
}

/* The column of the first character on a line that is not a space: where
 * a problem known only by its line is shown. */
static int first_column(const struct xsrc *s, int line)
{
	const char *p = s->buf, *end = s->buf + s->len;
	int col = 1;

	if (!p)
		return 1;
	for (int l = 1; l < line && p < end; l++) {
		p = memchr(p, '\n', (size_t)(end - p));
		if (!p)
			return 1;
		p++;
	}
	while (p < end && (*p == ' ' || *p == '\t')) {
		p++;
		col++;
	}
	return col;
}

static void vproblem(struct xsrc *s, int line, int col, const char *fmt,
		     va_list ap)
{
	char msg[768];

	if (s->nprob == XSRC_MAX_PROBLEMS) {
		s->nprob++;
		diags_add(s->d, s->path, line, col,
			  "too many problems; the rest of this file is not "
			  "checked");
		return;
	}
	if (line > 0 && col == 0)
		col = first_column(s, line);
	if (s->invalid && line > 0) {
		/* the tree of a file that is not valid is still checked; a
		 * problem at a place already explained is a repeat */
		for (size_t i = s->d->n; i-- > 0;) {
			const struct diag *g = &s->d->v[i];

			if (g->line == line && g->col == col && !g->warning &&
			    !strcmp(g->file, s->path))
				return;
		}
	}
	s->nprob++;
	if (s->nprob > XSRC_MAX_PROBLEMS)
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	sanitize(msg);
	diags_add(s->d, s->path, line, col, "%s", msg);
}

void xsrc_problem(struct xsrc *s, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vproblem(s, line, col, fmt, ap);
	va_end(ap);
}

/* ---- positions ----------------------------------------------------------- */

/* Start of 1-based line `line` in the buffer, or NULL. */
static const char *line_start(const struct xsrc *s, int line)
{
	const char *p = s->buf, *end = s->buf + s->len;

	for (int l = 1; l < line; l++) {
		p = memchr(p, '\n', (size_t)(end - p));
		if (!p)
			return NULL;
		p++;
	}
	return p;
}

/* 1-based column (in characters) of p on the line starting at ls. */
static int column_of(const char *ls, const char *p)
{
	int col = 1;

	for (; ls < p; ls++)
		if (((unsigned char)*ls & 0xc0) != 0x80)
			col++;
	return col;
}

static bool name_ends(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' ||
	       c == '>' || c == '=';
}

/* libxml2 gives an element the line where its start tag ends and no
 * column: find "<name" on that line or up to 200 lines before, and within
 * its tag the attribute `attr` when asked. */
static void locate(const struct xsrc *s, const xmlNode *n, const char *attr,
		   int *line, int *col)
{
	long l = xmlGetLineNo(n);
	size_t nlen;
	const char *ls, *le, *tag = NULL, *name;
	char qname[256];
	int tl = 0;

	*line = l > 0 ? (int)l : 0;
	*col = 0;
	if (l <= 0 || !n->name || n->type != XML_ELEMENT_NODE)
		return;
	name = (const char *)n->name;
	if (n->ns && n->ns->prefix) {
		snprintf(qname, sizeof(qname), "%s:%s",
			 (const char *)n->ns->prefix, name);
		name = qname;
	}
	nlen = strlen(name);
	ls = line_start(s, (int)l);
	for (int back = 0; ls && back < 200 && !tag; back++) {
		const char *hit = NULL;

		le = memchr(ls, '\n', (size_t)(s->buf + s->len - ls));
		if (!le)
			le = s->buf + s->len;
		for (const char *p = ls; p + nlen < le; p++)
			if (p[0] == '<' && !memcmp(p + 1, name, nlen) &&
			    name_ends(p[1 + nlen]))
				hit = p;   /* the last one on the line */
		if (hit) {
			tag = hit;
			tl = (int)l - back;
			*line = tl;
			*col = column_of(ls, hit);
			break;
		}
		if (ls == s->buf)
			break;
		/* previous line */
		{
			const char *q = ls - 1;
			while (q > s->buf && q[-1] != '\n')
				q--;
			ls = q;
		}
	}
	if (!tag || !attr)
		return;
	/* the attribute, inside the tag */
	{
		size_t alen = strlen(attr);
		const char *p = tag + 1 + nlen, *end = s->buf + s->len;
		const char *lstart = ls;
		int ln = tl;
		char quote = 0;

		for (; p < end && (quote || *p != '>'); p++) {
			if (*p == '\n') {
				ln++;
				lstart = p + 1;
				continue;
			}
			if (quote) {
				if (*p == quote)
					quote = 0;
				continue;
			}
			if (*p == '"' || *p == '\'') {
				quote = *p;
				continue;
			}
			if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' ||
			     p[-1] == '\r') && (size_t)(end - p) > alen &&
			    !memcmp(p, attr, alen) && name_ends(p[alen])) {
				*line = ln;
				*col = column_of(lstart, p);
				return;
			}
		}
	}
}

void xsrc_node_problem(struct xsrc *s, const xmlNode *n, const char *attr,
		       const char *fmt, ...)
{
	va_list ap;
	int line = 0, col = 0;

	if (s->nprob > XSRC_MAX_PROBLEMS) {
		s->nprob++;     /* counted, not listed: skip the work */
		return;
	}
	if (n && s->nprob < XSRC_MAX_PROBLEMS)
		locate(s, n, attr, &line, &col);
	else if (n)
		line = (int)xmlGetLineNo(n);
	va_start(ap, fmt);
	vproblem(s, line, col, fmt, ap);
	va_end(ap);
}

void xsrc_locate(const struct xsrc *s, const xmlNode *n, const char *attr,
		 int *line, int *col)
{
	locate(s, n, attr, line, col);
}

void xsrc_node_warning(struct xsrc *s, const xmlNode *n, const char *attr,
		       const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	int line = 0, col = 0;

	if (!s->d->warnings)
		return;
	if (n)
		locate(s, n, attr, &line, &col);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sanitize(msg);
	diags_warn(s->d, s->path, line, col, "%s", msg);
}

/* ---- libxml2 set-up -------------------------------------------------------- */

/* Every external load is refused: files, URLs, DTDs, catalogs. */
static xmlParserInputPtr refuse_load(const char *url, const char *id,
				     xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* Entities trainers copy from HTML, with the character reference that
 * works. */
static const struct { const char *name; unsigned cp; } html_entities[] = {
	{ "nbsp", 160 }, { "ndash", 8211 }, { "mdash", 8212 },
	{ "hellip", 8230 }, { "lsquo", 8216 }, { "rsquo", 8217 },
	{ "ldquo", 8220 }, { "rdquo", 8221 }, { "copy", 169 }, { "reg", 174 },
	{ "euro", 8364 }, { "pound", 163 }, { "eacute", 233 },
	{ "egrave", 232 }, { "aacute", 225 }, { "iacute", 237 },
	{ "oacute", 243 }, { "uacute", 250 }, { "ccedil", 231 },
	{ "middot", 183 }, { "bull", 8226 }, { "deg", 176 }, { "times", 215 },
	{ "laquo", 171 }, { "raquo", 187 }, { "shy", 173 }, { "sect", 167 },
};

/* libxml2's parser messages in a trainer's words: true when reported. */
static bool parse_words(struct xsrc *s, xmlErrorPtr e, const char *msg,
			int line, int col)
{
	char a[120], b[120];
	int n = 0;

	if (e->domain != XML_FROM_PARSER)
		return false;
	if (e->code == XML_ERR_UNDECLARED_ENTITY ||
	    e->code == XML_WAR_UNDECLARED_ENTITY) {
		const char *name = e->str1 ? e->str1 : "";

		for (size_t i = 0; i < sizeof(html_entities) /
				       sizeof(html_entities[0]); i++)
			if (!strcmp(html_entities[i].name, name)) {
				xsrc_problem(s, line, col, "`&%s;` is not defined "
					     "(Entity '%s' not defined): write "
					     "`&#%u;` or type the character "
					     "itself", name, name,
					     html_entities[i].cp);
				return true;
			}
		xsrc_problem(s, line, col, "`&%s;` is not defined (Entity '%s' "
			     "not defined): only &lt; &gt; &amp; &quot; &apos; "
			     "and character references like &#233; may be used",
			     name, name);
		return true;
	}
	if (strstr(msg, "StartTag: invalid element name")) {
		xsrc_problem(s, line, col > 1 ? col - 1 : col,
			     "a literal `<` must be written `&lt;` (a `<` "
			     "starts an element)");
		return true;
	}
	if (strstr(msg, "xmlParseEntityRef: no name") ||
	    strstr(msg, "EntityRef: expecting ';'")) {
		xsrc_problem(s, line, col > 1 ? col - 1 : col,
			     "a literal `&` must be written `&amp;`");
		return true;
	}
	if (sscanf(msg, "Opening and ending tag mismatch: %119s line %d and "
		   "%119s", a, &n, b) == 3) {
		xsrc_problem(s, line, col, "`</%s>` does not close `<%s>` (opened "
			     "on line %d): the end tag must have the same name, "
			     "and elements must close in the reverse order they "
			     "opened", b, a, n);
		return true;
	}
	if (sscanf(msg, "Premature end of data in tag %119s line %d", a,
		   &n) == 2) {
		xsrc_problem(s, line, col, "the file ends before `<%s>` (opened "
			     "on line %d) is closed (Premature end of data): "
			     "add `</%s>`", a, n, a);
		return true;
	}
	if (sscanf(msg, "Attribute %119s redefined", a) == 1) {
		xsrc_problem(s, line, col, "the attribute %s is written twice on "
			     "one element", a);
		return true;
	}
	if (sscanf(msg, "Specification mandates value for attribute %119s",
		   a) == 1 || strstr(msg, "AttValue: \" or ' expected")) {
		xsrc_problem(s, line, col, "attribute values must be in quotes, "
			     "like id=\"p1\"");
		return true;
	}
	if (sscanf(msg, "Couldn't find end of Start Tag %119s", a) == 1) {
		xsrc_problem(s, line, col, "the start tag `<%s ...` is not "
			     "closed by `>`", a);
		return true;
	}
	if (strstr(msg, "Extra content at the end of the document")) {
		xsrc_problem(s, line, col, "there is more after the end of the "
			     "root element: a file holds exactly one <module> "
			     "(or <course>)");
		return true;
	}
	if (strstr(msg, "XML declaration allowed only at the start")) {
		xsrc_problem(s, line, col, "the <?xml ...?> line must be the very "
			     "first thing in the file (nothing before it, not "
			     "even a space or a blank line)");
		return true;
	}
	if (strstr(msg, "attributes construct error"))
		return true;   /* follows one of the above */
	return false;
}

static void on_error(void *data, xmlErrorPtr e)
{
	struct xsrc *s = data ? data : current;
	char msg[600];
	size_t n;
	int line, col;

	if (!s || !e)
		return;
	snprintf(msg, sizeof(msg), "%s", e->message ? e->message : "error");
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	line = e->line;
	col = e->int2;
	if (e->domain == XML_FROM_RELAXNGV || e->domain == XML_FROM_RELAXNGP) {
		/* explained once validation is over (course_xml_schema.c) */
		if (s->nrng == s->caprng) {
			size_t cap = s->caprng ? s->caprng * 2 : 16;
			struct rng_error *v = realloc(s->rng, cap * sizeof(*v));

			if (!v)
				return;
			s->rng = v;
			s->caprng = cap;
		}
		s->rng[s->nrng].node = e->node;
		s->rng[s->nrng].msg = strdup(msg);
		if (s->rng[s->nrng].msg)
			s->nrng++;
		return;
	}
	if (parse_words(s, e, msg, line, col))
		return;
	if (e->code == XML_ERR_INTERNAL_ERROR &&
	    !strncmp(msg, "Excessive depth", 15)) {
		xsrc_problem(s, line, col,
			     "elements are nested too deeply (more than %d "
			     "levels)", (int)xmlParserMaxDepth);
		return;
	}
	if (e->code == XML_ERR_UNDECLARED_ENTITY ||
	    e->code == XML_WAR_UNDECLARED_ENTITY) {
		xsrc_problem(s, line, col,
			     "%s (only &lt; &gt; &amp; &quot; &apos; and "
			     "character references like &#233; may be used)",
			     msg);
		return;
	}
	xsrc_problem(s, line, col, "%s%s",
		     e->level == XML_ERR_WARNING ? "warning: " : "", msg);
}

/* Errors libxml2 reports without a structure (rare): still problems. */
static void on_generic_error(void *data, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	size_t n;

	(void)data;
	if (!current)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (n)
		xsrc_problem(current, 0, 0, "%s", msg);
}

/* Bytes scan_chars must look at: controls other than tab, LF and CR,
 * DEL, '&' and non-ASCII.  A table keeps the common case to a load. */
static unsigned char notable[256];

static void notable_init(void)
{
	for (int c = 0; c < 256; c++)
		notable[c] = (c < 0x20 && c != '\t' && c != '\n' &&
			      c != '\r') || c >= 0x7f || c == '&';
}

static void setup(void)
{
	static bool done;
	xmlRelaxNGParserCtxtPtr pc;

	if (done)
		return;
	done = true;
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_load);
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	notable_init();
	if (sodium_init() < 0)
		schema_broken = true;
	pc = xmlRelaxNGNewMemParserCtxt((const char *)ck_schema_rng,
					(int)ck_schema_rng_len);
	if (pc) {
		xmlSetStructuredErrorFunc(NULL, NULL);
		schema = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	if (!schema)
		schema_broken = true;
}

/* ---- reading ------------------------------------------------------------- */

/* A few read buffers are kept for the next files: loading a thousand
 * modules otherwise spends its time in malloc and free of large blocks.
 * (At most a manifest and a module are loaded at once.) */
#define POOL 4
static struct { char *p; size_t cap; } pool[POOL];

static char *buf_get(size_t need, size_t *cap)
{
	for (int i = 0; i < POOL; i++)
		if (pool[i].p && pool[i].cap >= need) {
			char *p = pool[i].p;
			*cap = pool[i].cap;
			pool[i].p = NULL;
			return p;
		}
	*cap = need < 65536 ? 65536 : need;
	return malloc(*cap);
}

static void buf_put(char *p, size_t cap)
{
	int small = -1;

	if (!p)
		return;
	for (int i = 0; i < POOL; i++) {
		if (!pool[i].p) {
			pool[i].p = p;
			pool[i].cap = cap;
			return;
		}
		if (small < 0 || pool[i].cap < pool[small].cap)
			small = i;
	}
	if (cap > pool[small].cap) {
		free(pool[small].p);
		pool[small].p = p;
		pool[small].cap = cap;
	} else {
		free(p);
	}
}

int xsrc_read(struct xsrc *s, const char *path, struct diags *d)
{
	struct stat st;
	size_t cap = COURSE_FILE_MAX, got = 0;
	char *buf = NULL;
	int fd;

	memset(s, 0, sizeof(*s));
	s->path = path;
	s->d = d;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		xsrc_problem(s, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		xsrc_problem(s, 0, 0, "cannot read: %s", strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		xsrc_problem(s, 0, 0, "is a folder, not a course file");
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		xsrc_problem(s, 0, 0, "is not a regular file");
		goto fail;
	}
	if (st.st_size > (off_t)cap) {
		xsrc_problem(s, 0, 0, "file is too large (%lld bytes; the "
			     "limit is %lu MiB)", (long long)st.st_size,
			     COURSE_FILE_MAX >> 20);
		goto fail;
	}
	buf = buf_get((size_t)st.st_size + 2, &s->cap);
	if (!buf) {
		xsrc_problem(s, 0, 0, "out of memory");
		goto fail;
	}
	/* Read one byte more than stat said, in case the file grew. */
	while (got <= (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size + 1 - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			xsrc_problem(s, 0, 0, "cannot read: %s",
				     strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	if (got > (size_t)st.st_size) {
		xsrc_problem(s, 0, 0, "file changed while it was read");
		goto fail;
	}
	if (got == 0) {
		xsrc_problem(s, 0, 0, "file is empty");
		goto fail;
	}
	buf[got] = '\0';
	close(fd);
	s->buf = buf;
	s->len = got;
	return 0;
fail:
	buf_put(buf, s->cap);
	close(fd);
	return -1;
}

void xsrc_release(struct xsrc *s)
{
	buf_put(s->buf, s->cap);
	s->buf = NULL;
	s->len = 0;
}

void xsrc_hash(const struct xsrc *s, char out[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)s->buf, s->len,
			   NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* ---- parsing ------------------------------------------------------------- */

/* SAX: a DOCTYPE stops the parse before any declaration in it is read. */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext,
		       const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xsrc *s = current;

	(void)name;
	(void)ext;
	(void)sys;
	xmlStopParser(ctxt);
	if (!s)
		return;
	{
		/* where it starts: the first "<!DOCTYPE" outside comments is
		 * close enough (a comment holding one is rare) */
		const char *p = strstr(s->buf, "<!DOCTYPE");
		int line = 1, col = 0;

		if (p) {
			const char *ls = s->buf;
			for (const char *q = s->buf; q < p; q++)
				if (*q == '\n') {
					line++;
					ls = q + 1;
				}
			col = column_of(ls, p);
		} else if (ctxt->input) {
			line = ctxt->input->line;
		}
		xsrc_problem(s, line, col,
			     "DOCTYPE is not allowed: course files may not "
			     "declare a DTD or entities");
	}
}

/* Line and column (in characters) of byte offset off. */
static void pos_of(const struct xsrc *s, size_t off, int *line, int *col)
{
	const char *ls = s->buf, *p = s->buf, *end = s->buf + off;

	*line = 1;
	while ((p = memchr(p, '\n', (size_t)(end - p)))) {
		(*line)++;
		ls = ++p;
	}
	*col = column_of(ls, end);
}

/* True when some byte of w may be notable (non-ASCII, below 0x20, '&' or
 * DEL); false positives only cost a slower look. */
static inline bool word_notable(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t amp = w ^ (ones * '&'), del = w ^ (ones * 0x7f);

	return ((w | ((w - ones * 0x20) & ~w) | ((amp - ones) & ~amp) |
		 ((del - ones) & ~del)) & high) != 0;
}

/* Forbidden characters anywhere in the file, written directly or as
 * character references (&#x202E;), with their exact place.  (In CDATA
 * sections and comments too: simpler to explain, and never needed.) */
static void scan_chars(struct xsrc *s)
{
	const unsigned char *p = (const unsigned char *)s->buf;
	size_t len = s->len, i = 0;
	int line, col;

	if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		i = 3;   /* a byte-order mark at the start is fine */
	while (i < len && s->nprob <= XSRC_MAX_PROBLEMS) {
		unsigned cp = p[i], v = 0;
		size_t n = 1;

		if (!notable[cp]) {
			i++;
			/* eight bytes at a time while none is notable */
			while (i + 8 <= len) {
				uint64_t w;

				memcpy(&w, p + i, 8);
				if (word_notable(w))
					break;
				i += 8;
			}
			continue;
		}
		if (cp >= 0x80) {
			n = utf8_decode(p + i, len - i, &cp);
			if (n == 0) {
				pos_of(s, i, &line, &col);
				xsrc_problem(s, line, col, "invalid UTF-8");
				return;
			}
		} else if (cp == '&') {
			size_t j = i + 1;
			int base = 10;

			if (j >= len || p[j] != '#') {
				i++;
				continue;
			}
			if (++j < len && p[j] == 'x') {
				base = 16;
				j++;
			}
			for (; j < len && j < i + 12 && p[j] != ';'; j++) {
				unsigned dgt;
				if (p[j] >= '0' && p[j] <= '9')
					dgt = p[j] - '0';
				else if (base == 16 && p[j] >= 'a' && p[j] <= 'f')
					dgt = p[j] - 'a' + 10;
				else if (base == 16 && p[j] >= 'A' && p[j] <= 'F')
					dgt = p[j] - 'A' + 10;
				else
					break;
				v = v * (unsigned)base + dgt;
				if (v > 0x10ffff)
					break;
			}
			if (v != '\t' && v != '\n' && v != '\r' &&
			    text_char_forbidden(v)) {
				pos_of(s, i, &line, &col);
				xsrc_problem(s, line, col,
					     "%s U+%04X (written as a character "
					     "reference) is not allowed",
					     text_char_name(v), v);
			}
			i++;
			continue;
		}
		if (text_char_forbidden(cp)) {
			pos_of(s, i, &line, &col);
			xsrc_problem(s, line, col, "%s U+%04X is not allowed",
				     text_char_name(cp), cp);
		}
		i += n;
	}
}

/* Limits no real course file comes near, checked before libxml2 sees the
 * file: its DOM costs some 300 bytes a node, and it checks an element's
 * attributes (and namespace declarations) against each other, in time
 * quadratic in their number. */
#define MAX_NODES 50000
#define MAX_ATTRS 64

static const char *skip_to(const char *p, const char *end, const char *what)
{
	size_t n = strlen(what);

	while ((p = memchr(p, what[0], (size_t)(end - p)))) {
		if ((size_t)(end - p) < n)
			return NULL;
		if (!memcmp(p, what, n))
			return p + n;
		p++;
	}
	return NULL;
}

static int prescan(struct xsrc *s)
{
	const char *p = s->buf, *end = s->buf + s->len;
	size_t nodes = 0;
	int line, col;

	while (p < end && (p = memchr(p, '<', (size_t)(end - p)))) {
		const char *tag = p;
		size_t attrs = 0;
		char quote = 0;

		p++;
		if (p < end && (*p == '/' || *p == '!' || *p == '?')) {
			const char *q = NULL;

			if (end - p >= 3 && !memcmp(p, "!--", 3))
				q = skip_to(p + 3, end, "-->");
			else if (end - p >= 8 && !memcmp(p, "![CDATA[", 8))
				q = skip_to(p + 8, end, "]]>");
			else if (*p == '?')
				q = skip_to(p + 1, end, "?>");
			else
				q = p;  /* end tag, DOCTYPE: the parser judges */
			if (!q)
				break;
			if (*p != '/')
				nodes++;
			p = q;
		} else {
			/* A '<' cannot be inside a tag, so a tag shorter than
			 * 5 * MAX_ATTRS bytes (a='' and a space each) to the
			 * next '<' cannot hold too many attributes. */
			const char *nx = memchr(p, '<', (size_t)(end - p));

			nodes++;
			if (nx && nx - tag < 5 * MAX_ATTRS)
				p = nx;
			for (; p < end && p != nx && (quote || *p != '>'); p++) {
				if (quote) {
					if (*p == quote)
						quote = 0;
				} else if (*p == '"' || *p == '\'') {
					quote = *p;
				} else if (*p == '=' && ++attrs > MAX_ATTRS) {
					pos_of(s, (size_t)(tag - s->buf), &line,
					       &col);
					xsrc_problem(s, line, col,
						     "an element with more than %d "
						     "attributes", MAX_ATTRS);
					return -1;
				}
			}
		}
		if (nodes > MAX_NODES) {
			pos_of(s, (size_t)(tag - s->buf), &line, &col);
			xsrc_problem(s, line, col,
				     "more than %d elements and comments in one "
				     "file; split it into smaller modules",
				     MAX_NODES);
			return -1;
		}
	}
	return 0;
}

/* Not UTF-8 at all: say so at the first byte that is not, with a guess at
 * what the file was saved as, before the parser's own words. */
static int utf8_check(struct xsrc *s)
{
	const unsigned char *p = (const unsigned char *)s->buf;
	size_t i = 0, bad = (size_t)-1, c1 = 0, hi = 0;
	int line, col;

	while (i < s->len) {
		unsigned cp;
		size_t n;

		if (p[i] < 0x80) {
			i++;
			while (i + 8 <= s->len) {   /* ASCII eight at a time */
				uint64_t w;

				memcpy(&w, p + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			continue;
		}
		n = utf8_decode(p + i, s->len - i, &cp);
		if (n) {
			i += n;
			continue;
		}
		if (bad == (size_t)-1)
			bad = i;
		c1 += p[i] >= 0x80 && p[i] <= 0x9f;
		hi++;
		i++;
	}
	if (bad == (size_t)-1)
		return 0;
	pos_of(s, bad, &line, &col);
	xsrc_problem(s, line, col, "this is not UTF-8 text (byte 0x%02X here); "
		     "course files must be UTF-8: save the file as UTF-8 (it "
		     "looks like %s)", p[bad],
		     c1 ? "Windows-1252" : "Windows-1252 or ISO-8859-1");
	(void)hi;
	return -1;
}

static bool declared_utf8(const char *enc)
{
	return !enc || !strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8");
}

xmlDocPtr xsrc_parse(struct xsrc *s)
{
	xmlParserCtxtPtr ctxt = NULL;
	xmlRelaxNGValidCtxtPtr vc = NULL;
	xmlDocPtr doc = NULL;
	const unsigned char *b = (const unsigned char *)s->buf;
	size_t before = s->nprob;

	setup();
	if (schema_broken) {
		xsrc_problem(s, 0, 0, "internal error: the built-in schema "
			     "does not compile");
		return NULL;
	}
	if (s->len > COURSE_FILE_MAX)
		return NULL;
	if (s->len >= 2 && ((b[0] == 0xfe && b[1] == 0xff) ||
			    (b[0] == 0xff && b[1] == 0xfe) || b[0] == 0 ||
			    b[1] == 0)) {
		xsrc_problem(s, 1, 1, "file is not UTF-8 text (UTF-16 or "
			     "binary?); save it as UTF-8");
		return NULL;
	}
	if (prescan(s) < 0 || utf8_check(s) < 0)
		return NULL;
	current = s;
	xmlSetStructuredErrorFunc(s, on_error);
	if (!parser) {
		parser = xmlNewParserCtxt();
		if (!parser) {
			xsrc_problem(s, 0, 0, "out of memory");
			goto out;
		}
		parser->sax->internalSubset = on_doctype;
		parser->sax->externalSubset = NULL;
	}
	ctxt = parser;
	doc = xmlCtxtReadMemory(ctxt, s->buf, (int)s->len, s->path, NULL,
				XML_PARSE_NONET);
	if (!doc || !ctxt->wellFormed || s->nprob > before) {
		if (s->nprob == before)
			xsrc_problem(s, 0, 0, "not a well-formed XML file");
		goto fail;
	}
	if (!declared_utf8((const char *)doc->encoding)) {
		xsrc_problem(s, 1, 1, "the file declares encoding \"%s\"; "
			     "course files must be UTF-8",
			     (const char *)doc->encoding);
		goto fail;
	}
	if (doc->intSubset || doc->extSubset) {
		xsrc_problem(s, 0, 0, "DOCTYPE is not allowed");
		goto fail;
	}
	scan_chars(s);
	{
		xmlNodePtr root = xmlDocGetRootElement(doc);
		const char *name = root ? (const char *)root->name : "";

		if (!root || root->ns || (strcmp(name, "course") &&
					  strcmp(name, "module"))) {
			xsrc_node_problem(s, root, NULL,
					  "the root element must be <course> "
					  "(in course.xml) or <module> (in a "
					  "module file), not <%s>%s", name,
					  root && root->ns ? " in a namespace"
							   : "");
			goto fail;
		}
	}
	vc = xmlRelaxNGNewValidCtxt(schema);
	if (!vc) {
		xsrc_problem(s, 0, 0, "out of memory");
		goto fail;
	}
	xmlRelaxNGSetValidStructuredErrors(vc, on_error, s);
	before = s->nprob;
	if (xmlRelaxNGValidateDoc(vc, doc) != 0) {
		xsrc_explain(s, doc, s->rng, s->nrng);
		if (s->nprob == before)
			xsrc_problem(s, 1, 1, "not valid against the course "
				     "format");
		/* keep the tree: the checks that need no schema still run,
		 * so one run reports everything (the model is discarded) */
		s->invalid = true;
	}
	goto out;
fail:
	xmlFreeDoc(doc);
	doc = NULL;
out:
	for (size_t i = 0; i < s->nrng; i++)
		free(s->rng[i].msg);
	free(s->rng);
	s->rng = NULL;
	s->nrng = s->caprng = 0;
	xmlRelaxNGFreeValidCtxt(vc);
	if (ctxt && ctxt->myDoc && ctxt->myDoc != doc) {
		/* a document left behind by a failed parse */
		xmlFreeDoc(ctxt->myDoc);
	}
	if (ctxt)
		ctxt->myDoc = NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	current = NULL;
	return doc;
}

void xsrc_doc_free(xmlDocPtr doc)
{
	xmlFreeDoc(doc);
}
