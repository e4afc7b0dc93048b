/* course_xml_schema.c - schema problems in a trainer's words.
 *
 * libxml2's RELAX NG messages ("Element lesson failed to validate
 * attributes", "Expecting an element , got nothing") name neither the
 * attribute nor the fix, and carry no column.  When a file is not valid,
 * the whole tree is checked here against a table of what each element may
 * hold (the same language as courses/coursekiosk.rng, written for
 * explaining rather than validating), and every finding is reported at the
 * offending element or attribute with what to write instead.  Whatever
 * libxml2 found that this table does not explain is still reported, in
 * plainer words.  Keep the table and the schema in step (tests/e2e/
 * validate.sh checks that every name in the schema is in the table).
 */
#include "course_xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "i18n.h"

struct edef {
	const char *name;
	const char *parent;      /* only inside this element; NULL: anywhere */
	const char *req;         /* required attributes, space separated */
	const char *opt;         /* optional attributes */
	const char *kids;        /* child elements, in the order required
				  * when `ordered` */
	bool ordered;
	bool text;               /* text allowed directly inside */
	const char *need;        /* children required: "name:min ..." */
};

#define INLINE "em strong cite term"
#define BLOCKS "h p list note table cite"
#define QATTRS "points critical kind case shuffle"

static const struct edef defs[] = {
	{ "course", NULL, "format id version", "xml:lang",
	  "title summary glossary sources module certificate", true, false,
	  "title:1 module:1" },
	{ "module", "course", "href", "requires", "", false, false, NULL },
	{ "module", NULL, "format id version", "xml:lang",
	  "title meta lesson quiz sources", true, false,
	  "title:1 meta:1 lesson:1 sources:1" },
	{ "title", NULL, "", "", "", false, true, NULL },
	{ "summary", NULL, "", "", "", false, true, NULL },
	{ "glossary", NULL, "", "", "entry", false, false, "entry:1" },
	{ "entry", NULL, "id term", "", "em strong cite", false, true, NULL },
	{ "sources", NULL, "", "", "source", false, false, "source:1" },
	{ "source", NULL, "", "id publisher year url ref", "", false, true,
	  NULL },
	{ "certificate", NULL, "title", "valid-for", "", false, false, NULL },
	{ "meta", NULL, "minutes", "audience content-note", "", false, false,
	  NULL },
	{ "lesson", NULL, "id title", "", "page", false, false, "page:1" },
	{ "page", NULL, "id", "title", BLOCKS, false, false, NULL },
	{ "h", NULL, "", "", INLINE, false, true, NULL },
	{ "p", NULL, "", "", INLINE, false, true, NULL },
	{ "item", "order", "", "", "", false, true, NULL },
	{ "item", NULL, "", "", INLINE, false, true, NULL },
	{ "list", NULL, "", "numbered", "item", false, false, "item:1" },
	{ "note", NULL, "kind", "", INLINE, false, true, NULL },
	{ "table", NULL, "", "", "tr", false, false, "tr:1" },
	{ "tr", NULL, "", "", "th td", false, false, NULL },
	{ "th", NULL, "", "", INLINE, false, true, NULL },
	{ "td", NULL, "", "", INLINE, false, true, NULL },
	{ "cite", NULL, "ref", "", "", false, false, NULL },
	{ "term", NULL, "ref", "", "", false, true, NULL },
	{ "em", NULL, "", "", "", false, true, NULL },
	{ "strong", NULL, "", "", "", false, true, NULL },
	{ "quiz", NULL, "id title", "pass attempts shuffle draw feedback",
	  "case single multiple truefalse text order match", false, false,
	  NULL },
	{ "case", NULL, "id", "title", "p list note table", false, false,
	  NULL },
	{ "single", NULL, "id", QATTRS, "prompt option hint explain", true,
	  false, "prompt:1 option:2" },
	{ "multiple", NULL, "id", QATTRS " scoring", "prompt option hint explain",
	  true, false, "prompt:1 option:2" },
	{ "truefalse", NULL, "id answer", QATTRS, "prompt hint explain", true,
	  false, "prompt:1" },
	{ "text", NULL, "id", QATTRS " letter-case", "prompt accept hint explain",
	  true, false, "prompt:1 accept:1" },
	{ "order", NULL, "id", QATTRS, "prompt item hint explain", true, false,
	  "prompt:1 item:2" },
	{ "match", NULL, "id", QATTRS, "prompt pair hint explain", true, false,
	  "prompt:1 pair:2" },
	{ "prompt", NULL, "", "", INLINE, false, true, NULL },
	{ "hint", NULL, "", "", INLINE, false, true, NULL },
	{ "explain", NULL, "", "", INLINE, false, true, NULL },
	{ "option", NULL, "", "correct fixed", "why", false, true, NULL },
	{ "why", NULL, "", "", "", false, true, NULL },
	{ "accept", NULL, "", "", "", false, true, NULL },
	{ "pair", NULL, "left right", "", "", false, false, NULL },
};

/* Attribute values the schema lists.  elem NULL: on any element. */
static const struct { const char *elem, *attr, *values; } enums[] = {
	{ NULL, "format", "1" },
	{ NULL, "critical", "yes no" },
	{ NULL, "shuffle", "yes no" },
	{ NULL, "correct", "yes no" },
	{ NULL, "numbered", "yes no" },
	{ NULL, "feedback", "immediate deferred" },
	{ NULL, "scoring", "all partial" },
	{ NULL, "answer", "true false" },
	{ NULL, "letter-case", "ignore exact" },
	{ NULL, "fixed", "last" },
	{ "note", "kind", "key history warning" },
	{ NULL, "kind", "recall decision" },
};

/* HTML and other habits, with what courses use instead. */
static const struct { const char *name, *say; } habits[] = {
	{ "b", "`<b>` is not used in courses: use `<strong>`" },
	{ "i", "`<i>` is not used in courses: use `<em>`" },
	{ "u", "`<u>` is not used in courses: use `<em>`" },
	{ "br", "`<br>` is not used in courses: start a new `<p>` instead" },
	{ "ul", "`<ul>` is not used in courses: use `<list>`" },
	{ "ol", "`<ol>` is not used in courses: use `<list numbered=\"yes\">`" },
	{ "li", "`<li>` is not used in courses: use `<item>` inside `<list>`" },
	{ "h1", "`<h1>` is not used in courses: use `<h>`" },
	{ "h2", "`<h2>` is not used in courses: use `<h>`" },
	{ "h3", "`<h3>` is not used in courses: use `<h>`" },
	{ "a", "links are not used in courses: write the address as text, or "
	       "give it as a <source url=\"...\">" },
	{ "img", "images are not used in courses: describe the picture in "
		 "words" },
	{ "span", "`<span>` is not used in courses: write the text as it is" },
	{ "div", "`<div>` is not used in courses: use `<p>` or `<note>`" },
	{ "question", "there is no `<question>` element: the question IS the "
		      "element named after its type, `<single id=\"...\">`, "
		      "`<multiple>`, `<truefalse>`, `<text>`, `<order>` or "
		      "`<match>`" },
	{ "answer", "there is no `<answer>` element: options are `<option>`s "
		    "(the right one with correct=\"yes\"); typed answers are "
		    "`<accept>`" },
};

/* Nodes already explained, so libxml2's message about them is dropped. */
struct seen {
	const xmlNode **v;
	size_t n, cap;
};

static void seen_add(struct seen *s, const xmlNode *n)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 32;
		const xmlNode **v = realloc(s->v, cap * sizeof(*v));

		if (!v)
			return;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = n;
}

static bool seen_has(const struct seen *s, const xmlNode *n)
{
	for (size_t i = 0; n && i < s->n; i++)
		if (s->v[i] == n)
			return true;
	return false;
}

static bool in_list(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);

		if (k == n && !memcmp(p, w, n))
			return true;
		p = e ? e + 1 : NULL;
	}
	return false;
}

static const struct edef *def_of(const char *name, const char *parent)
{
	const struct edef *any = NULL;

	for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]); i++) {
		if (strcmp(defs[i].name, name))
			continue;
		if (defs[i].parent && parent && !strcmp(defs[i].parent, parent))
			return &defs[i];
		if (!defs[i].parent && !any)
			any = &defs[i];
	}
	return any;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), prev[64], cur[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t c = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			cur[j] = c;
		}
		memcpy(prev, cur, (lb + 1) * sizeof(*prev));
	}
	return prev[lb];
}

/* The word of `list` nearest to w, when near enough to be a slip. */
static bool nearest(const char *list, const char *w, char *out, size_t n)
{
	size_t best = 99, lw = strlen(w);

	out[0] = '\0';
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		char word[64];
		size_t d;

		if (k < sizeof(word)) {
			memcpy(word, p, k);
			word[k] = '\0';
			d = edit_distance(w, word);
			if (d < best && d <= (lw < 5 ? 1 : lw / 3 + 1)) {
				best = d;
				snprintf(out, n, "%s", word);
			}
		}
		p = e ? e + 1 : NULL;
	}
	return out[0] != '\0';
}

/* "a, b or c" from "a b c", each in `<>` when `tags`. */
static void words(const char *list, bool tags, char *out, size_t n)
{
	size_t len = 0, count = 0, k = 0;

	for (const char *p = list; *p; p++)
		count += *p == ' ';
	count++;
	out[0] = '\0';
	for (const char *p = list; p && *p && len + 1 < n; k++) {
		const char *e = strchr(p, ' ');
		int w = e ? (int)(e - p) : (int)strlen(p);

		len += (size_t)snprintf(out + len, n - len, "%s%s%.*s%s",
					k == 0 ? "" : k + 1 == count ? " or " : ", ",
					tags ? "<" : "", w, p, tags ? ">" : "");
		p = e ? e + 1 : NULL;
	}
}

static const char *enum_values(const char *elem, const char *attr)
{
	for (size_t i = 0; i < sizeof(enums) / sizeof(enums[0]); i++)
		if ((!enums[i].elem || !strcmp(enums[i].elem, elem)) &&
		    !strcmp(enums[i].attr, attr))
			return enums[i].values;
	return NULL;
}

static bool id_ok(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > 64)
		return false;
	if (!((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= '0' && v[0] <= '9')))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((v[i] >= 'a' && v[i] <= 'z') ||
		      (v[i] >= '0' && v[i] <= '9') || v[i] == '-'))
			return false;
	return true;
}

static bool number_ok(const char *v, bool zero)
{
	if (!*v)
		return false;
	for (const char *p = v; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return zero || strspn(v, "0") < strlen(v);
}

struct diag_ctx {
	struct xsrc *s;
	struct seen seen;
	size_t found;
};

static void say(struct diag_ctx *c, const xmlNode *n, const char *attr,
		const char *msg)
{
	xsrc_node_problem(c->s, n, attr, "%s", msg);
	seen_add(&c->seen, n);
	c->found++;
}

static const char *attr_name(const xmlAttr *a, char *buf, size_t n)
{
	if (a->ns && a->ns->prefix)
		snprintf(buf, n, "%s:%s", (const char *)a->ns->prefix,
			 (const char *)a->name);
	else
		snprintf(buf, n, "%s", (const char *)a->name);
	return buf;
}

static void check_attrs(struct diag_ctx *c, const xmlNode *n,
			const struct edef *d)
{
	const char *en = (const char *)n->name;
	char msg[700], all[400], near[64], an[128];

	snprintf(all, sizeof(all), "%s%s%s", d->req, *d->req && *d->opt ? " " : "",
		 d->opt);
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *name = attr_name(a, an, sizeof(an));
		xmlChar *raw = xmlNodeListGetString(n->doc, a->children, 1);
		const char *v = raw ? (const char *)raw : "";
		const char *vals;

		if (!in_list(all, name)) {
			if (!*all)
				snprintf(msg, sizeof(msg), "<%s> takes no "
					 "attributes: remove %s=\"...\"", en, name);
			else if (nearest(all, name, near, sizeof(near)))
				snprintf(msg, sizeof(msg), "<%s> has no attribute "
					 "%s: did you mean %s=\"...\"?", en, name,
					 near);
			else {
				char w[400];

				words(all, false, w, sizeof(w));
				snprintf(msg, sizeof(msg), "<%s> has no attribute "
					 "%s (it takes %s)", en, name, w);
			}
			say(c, n, name, msg);
		} else if ((vals = enum_values(en, name)) && !in_list(vals, v)) {
			char w[200];

			words(vals, false, w, sizeof(w));
			snprintf(msg, sizeof(msg), "%s=\"%s\" is not allowed on "
				 "<%s>: write %s", name, v, en, w);
			say(c, n, name, msg);
		} else if ((!strcmp(name, "id") ||
			    (!strcmp(name, "ref") && strcmp(en, "cite")) ||
			    (!strcmp(name, "case") && strcmp(en, "text"))) &&
			   !id_ok(v)) {
			snprintf(msg, sizeof(msg), "%s=\"%s\" is not a valid id: "
				 "use only a-z, 0-9 and '-', starting with a "
				 "letter or digit, at most 64 characters", name, v);
			say(c, n, name, msg);
		} else if ((in_list("version minutes points", name) &&
			    !number_ok(v, false)) ||
			   (in_list("pass attempts draw", name) &&
			    !number_ok(v, true))) {
			snprintf(msg, sizeof(msg), "%s=\"%s\" must be a whole "
				 "number%s", name, v,
				 in_list("pass attempts draw", name) ? ""
				 : " from 1 up");
			say(c, n, name, msg);
		} else if (!strcmp(name, "valid-for")) {
			int y, mo, dd;
			char tail;

			if (!(v[0] == 'P' && v[1] &&
			      (sscanf(v, "P%dY%c", &y, &tail) >= 1 ||
			       sscanf(v, "P%dM%c", &mo, &tail) >= 1 ||
			       sscanf(v, "P%dD%c", &dd, &tail) >= 1) &&
			      strspn(v + 1, "0123456789YMD") == strlen(v + 1))) {
				snprintf(msg, sizeof(msg), "valid-for=\"%s\" is not "
					 "a period: write it like P1Y (one year), "
					 "P18M (18 months), P1Y6M or P90D", v);
				say(c, n, name, msg);
			}
		}
		xmlFree(raw);
	}
	/* required ones */
	for (const char *p = d->req; *p;) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		char want[64];

		snprintf(want, sizeof(want), "%.*s", (int)k, p);
		if (!strcmp(want, "xml:lang") ? false :
		    !xmlHasProp(n, (const xmlChar *)want)) {
			snprintf(msg, sizeof(msg), "<%s> needs a %s=\"...\" "
				 "attribute", en, want);
			say(c, n, NULL, msg);
		}
		p = e ? e + 1 : p + k;
	}
	/* <source>: id (with the title as its text) or ref (empty) */
	if (!strcmp(en, "source")) {
		bool id = xmlHasProp(n, (const xmlChar *)"id");
		bool ref = xmlHasProp(n, (const xmlChar *)"ref");
		bool course = n->parent && n->parent->parent &&
			      !strcmp((const char *)n->parent->parent->name,
				      "course");

		if (ref && course)
			say(c, n, "ref", "a course source needs an id=\"...\" "
			    "and its title; <source ref=\"...\"/> is for a "
			    "module's sources");
		else if (!id && !ref)
			say(c, n, NULL, "<source> needs an id=\"...\" (and the "
			    "title of the work as its text), or ref=\"...\" "
			    "naming a course source");
		else if (id && ref)
			say(c, n, "ref", "<source> has both id and ref: a source "
			    "is either the module's own (id) or taken from the "
			    "course (ref)");
	}
}

static size_t count_named(const xmlNode *n, const char *name)
{
	size_t k = 0;

	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    !strcmp((const char *)c->name, name))
			k++;
	return k;
}

static bool is_question(const char *name)
{
	return in_list("single multiple truefalse text order match", name);
}

static void check_kids(struct diag_ctx *c, const xmlNode *n,
		       const struct edef *d)
{
	const char *en = (const char *)n->name;
	char msg[700], near[64];
	long last = -1;
	const xmlNode *text_at = NULL;
	char meant[200] = "";     /* names suggested for misspelt children */

	for (const xmlNode *k = n->children; k; k = k->next) {
		const char *kn = (const char *)k->name;
		long pos = 0;

		if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
		    && !d->text && k->content &&
		    strspn((const char *)k->content, " \t\r\n") <
			    strlen((const char *)k->content) && !text_at)
			text_at = k;
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!in_list(d->kids, kn)) {
			const char *habit = NULL;

			for (size_t i = 0; i < sizeof(habits) / sizeof(habits[0]); i++)
				if (!strcmp(habits[i].name, kn))
					habit = habits[i].say;
			if (habit && !(def_of(kn, en) && strcmp(kn, "answer")))
				snprintf(msg, sizeof(msg), "%s", habit);
			else if (!*d->kids)
				snprintf(msg, sizeof(msg), "<%s> is not allowed "
					 "inside <%s>: it holds plain text only",
					 kn, en);
			else if (nearest(d->kids, kn, near, sizeof(near))) {
				snprintf(msg, sizeof(msg), "<%s> is not allowed "
					 "inside <%s>: did you mean <%s>?", kn,
					 en, near);
				if (strlen(meant) + strlen(near) + 2 < sizeof(meant)) {
					strcat(meant, near);
					strcat(meant, " ");
				}
			}
			else {
				char w[400];

				words(d->kids, true, w, sizeof(w));
				snprintf(msg, sizeof(msg), "<%s> is not allowed "
					 "inside <%s> (it may hold %s)", kn, en, w);
			}
			say(c, k, NULL, msg);
			continue;
		}
		if (!d->ordered)
			continue;
		/* position in the required order */
		for (const char *p = d->kids; p; pos++) {
			const char *e = strchr(p, ' ');
			size_t l = e ? (size_t)(e - p) : strlen(p);

			if (l == strlen(kn) && !memcmp(p, kn, l))
				break;
			p = e ? e + 1 : NULL;
		}
		if (pos < last) {
			char w[400];

			words(d->kids, true, w, sizeof(w));
			snprintf(msg, sizeof(msg), "<%s> is out of order: inside "
				 "<%s> the order is %s", kn, en, w);
			for (char *q = strstr(msg, " or "); q; q = NULL)
				memcpy(q, ", ", 2), memmove(q + 2, q + 4, strlen(q + 4) + 1);
			say(c, k, NULL, msg);
		} else {
			last = pos;
		}
	}
	if (text_at) {
		snprintf(msg, sizeof(msg), "text is not allowed directly inside "
			 "<%s>%s", en, !strcmp(en, "page") || !strcmp(en, "case")
			 ? ": put it in a <p>" : "");
		say(c, n, NULL, msg);
	}
	/* children required, and how many */
	for (const char *p = d->need; p && *p;) {
		const char *e = strchr(p, ' ');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		char name[32];
		int min = 1;
		size_t have;
		const char *colon = memchr(p, ':', l);

		snprintf(name, sizeof(name), "%.*s",
			 (int)(colon ? (size_t)(colon - p) : l), p);
		if (colon)
			min = atoi(colon + 1);
		have = count_named(n, name);
		if ((int)have < min && !in_list(meant, name)) {
			xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
			char who[120];

			if (id && is_question(en))
				snprintf(who, sizeof(who), "<%s id=\"%s\">", en,
					 (const char *)id);
			else
				snprintf(who, sizeof(who), "<%s>", en);
			xmlFree(id);
			if (have == 0 && min == 1)
				snprintf(msg, sizeof(msg), "%s needs a <%s>",
					 who, name);
			else
				snprintf(msg, sizeof(msg), "%s needs at least %d "
					 "<%s> elements; it has %zu", who, min,
					 name, have);
			say(c, n, NULL, msg);
		}
		p = e ? e + 1 : NULL;
	}
	if (!strcmp(en, "quiz")) {
		size_t q = 0;

		for (const xmlNode *k = n->children; k; k = k->next)
			q += k->type == XML_ELEMENT_NODE &&
			     is_question((const char *)k->name);
		if (q == 0)
			say(c, n, NULL, "<quiz> needs at least one question "
			    "(<single>, <multiple>, <truefalse>, <text>, "
			    "<order> or <match>)");
	}
	if (!strcmp(en, "page") && !n->children)
		say(c, n, NULL, "<page> is empty: it needs text such as a <p>");
}

static void walk(struct diag_ctx *c, const xmlNode *n)
{
	for (; n; n = n->next) {
		const struct edef *d;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		d = def_of((const char *)n->name,
			   n->parent && n->parent->type == XML_ELEMENT_NODE
			   ? (const char *)n->parent->name : NULL);
		if (!d)
			continue;   /* reported by its parent */
		check_attrs(c, n, d);
		check_kids(c, n, d);
		walk(c, n->children);
	}
}

/* One of libxml2's messages, for a node nothing above explained. */
static void plainer(struct xsrc *s, const xmlNode *n, const char *m)
{
	const char *en = n && n->name ? (const char *)n->name : "";
	char x[200];

	if (sscanf(m, "Expecting an element %199[^,], got nothing", x) == 1 &&
	    strcmp(x, " "))
		xsrc_node_problem(s, n, NULL, "<%s> is incomplete: a <%s> is "
				  "missing here", en, x);
	else if (!strncmp(m, "Expecting an element , got nothing", 34))
		xsrc_node_problem(s, n, NULL, "<%s> is incomplete: something "
				  "it needs is missing (see AUTHORING.md for "
				  "what <%s> holds)", en, en);
	else if (sscanf(m, "Did not expect element %199s there", x) == 1)
		xsrc_node_problem(s, n, NULL, "<%s> is not allowed here, or "
				  "comes too early or too late", x);
	else if (sscanf(m, "Element %*s has extra content: %199s", x) == 1)
		xsrc_node_problem(s, n, NULL, "<%s> holds something it may not "
				  "(%s): see AUTHORING.md for what goes inside "
				  "it", en, x);
	else if (strstr(m, "failed to validate attributes") ||
		 strstr(m, "Invalid attribute"))
		xsrc_node_problem(s, n, NULL, "an attribute of <%s> has a value "
				  "the format does not allow", en);
	else
		xsrc_node_problem(s, n, NULL, "not allowed by the course format: "
				  "%s", m);
}

void xsrc_explain(struct xsrc *s, struct _xmlDoc *doc,
		  const struct rng_error *errs, size_t n)
{
	struct diag_ctx c = { .s = s };

	walk(&c, xmlDocGetRootElement(doc));
	for (size_t i = 0; i < n; i++) {
		const xmlNode *node = errs[i].node;
		bool known = seen_has(&c.seen, node);

		for (const xmlNode *k = node ? node->children : NULL; k && !known;
		     k = k->next)
			known = seen_has(&c.seen, k);
		if (!known && node)
			known = seen_has(&c.seen, node->parent);
		for (size_t k = 0; !known && node && k < c.seen.n; k++)
			known = c.seen.v[k]->parent == node->parent &&
				node->parent;   /* a sibling was explained */
		if (!known)
			plainer(s, node, errs[i].msg);
	}
	free(c.seen.v);
}

bool xsrc_schema_knows(const char *name)
{
	for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]); i++)
		if (!strcmp(defs[i].name, name) || in_list(defs[i].req, name) ||
		    in_list(defs[i].opt, name))
			return true;
	return false;
}
