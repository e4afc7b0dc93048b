/* course_xml_course.c - course manifests, whole courses, folders of
 * courses, and what `coursekiosk validate` checks for a path.
 *
 * Checks made here: the root element fits the file, each module href is a
 * plain file inside the course folder, module ids are unique in the
 * course, `requires` names modules of the course and has no cycle, and
 * `valid-for` is a duration. */
#include "course_xml.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "text.h"

static bool is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, name);
}

static xmlNode *elem(xmlNode *n)
{
	while (n && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return n;
}

/* Attribute value, tidied; NULL when absent or empty.  Caller frees. */
static char *attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r = NULL;

	if (v) {
		r = strdup((const char *)v);
		xmlFree(v);
	}
	if (r && text_tidy(r) == 0) {
		free(r);
		r = NULL;
	}
	return r;
}

static char *text(const xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *r = strdup(v ? (const char *)v : "");

	xmlFree(v);
	if (r)
		text_tidy(r);
	return r;
}

static char *path_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p = malloc(a + b + 2);

	if (!p)
		return NULL;
	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, name, b + 1);
	if (a && dir[a - 1] == '/')
		memmove(p + a, p + a + 1, b + 1);
	return p;
}

static bool has_manifest(const char *dir)
{
	char *p = path_join(dir, "course.xml");
	struct stat st;
	bool r = p && stat(p, &st) == 0;

	free(p);
	return r;
}

/* ---- single modules --------------------------------------------------------- */

static int load_root(struct xsrc *s, const char *path, struct diags *d,
		     xmlDoc **doc)
{
	*doc = NULL;
	if (xsrc_read(s, path, d) < 0)
		return -1;
	*doc = xsrc_parse(s);
	if (!*doc) {
		xsrc_release(s);
		return -1;
	}
	return 0;
}

int module_load_into(const char *path, struct module *m, struct diags *d,
		     const struct course_ctx *ctx)
{
	struct xsrc s;
	xmlDoc *doc;
	xmlNode *root;
	int rc = -1;

	memset(m, 0, sizeof(*m));
	if (load_root(&s, path, d, &doc) < 0)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (!is(root, "module")) {
		xsrc_node_problem(&s, root, NULL,
				  "this is a course manifest (<course>), not a "
				  "module file (<module>)");
	} else if (module_build(&s, root, m, ctx) == 0 && s.nprob == 0) {
		rc = 0;
	}
	xsrc_doc_free(doc);
	xsrc_release(&s);
	return rc;
}

struct module *module_load(const char *path, struct diags *d)
{
	struct module *m = malloc(sizeof(*m));

	if (!m) {
		diags_add(d, path, 0, 0, "out of memory");
		return NULL;
	}
	if (module_load_into(path, m, d, NULL) < 0) {
		module_free(m);
		return NULL;
	}
	return m;
}

void module_free(struct module *m)
{
	if (!m)
		return;
	module_release(m);
	free(m);
}

/* ---- courses ---------------------------------------------------------------- */

/* P2Y, P18M, P1Y6M, P30D ... (the schema checked the shape). */
static int parse_duration(const char *s, int *y, int *mo, int *dd)
{
	*y = *mo = *dd = 0;
	if (*s++ != 'P' || !*s)
		return -1;
	while (*s) {
		char *end;
		long v = strtol(s, &end, 10);

		if (end == s || v < 0 || v > 100000)
			return -1;
		if (*end == 'Y')
			*y = (int)v;
		else if (*end == 'M')
			*mo = (int)v;
		else if (*end == 'D')
			*dd = (int)v;
		else
			return -1;
		s = end + 1;
	}
	return 0;
}

/* A plain relative path inside the course folder: no "..", no absolute
 * path, no empty or "." parts, no backslash. */
static const char *href_problem(const char *href)
{
	if (!*href)
		return "href is empty";
	if (href[0] == '/')
		return "href must name a file inside the course folder, not "
		       "an absolute path";
	if (strchr(href, '\\'))
		return "href may not contain '\\' (use '/')";
	for (const char *p = href; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return "href may not contain '..': module files must "
			       "be inside the course folder";
		if (n == 0 || (n == 1 && p[0] == '.'))
			return "href must be a plain file name like "
			       "\"01-intro.xml\"";
		p = e ? e + 1 : p + n;
	}
	return NULL;
}

/* Resolves symlinks: the module file must still be inside the folder. */
/* rd is the course folder with symbolic links resolved (NULL when that
 * failed, errno kept in rd_err). */
static const char *href_outside(const char *rd, int rd_err, const char *path,
				int *err, char **real)
{
	char *rp;
	const char *why = NULL;
	size_t n;

	errno = 0;
	rp = rd ? realpath(path, NULL) : NULL;
	*err = 0;
	*real = NULL;
	if (!rd || !rp) {
		*err = !rd && rd_err ? rd_err : errno ? errno : ENOENT;
		why = "";
	} else {
		n = strlen(rd);
		if (strncmp(rp, rd, n) != 0 || (rp[n] != '/' && n > 1))
			why = "href leads outside the course folder (through a "
			      "symbolic link)";
	}
	if (!why)
		*real = rp;
	else
		free(rp);
	return why;
}

/* More modules than any course needs: each is a file to load. */
#define MAX_MODULES 1000

struct mref {               /* a <module> of the manifest */
	xmlNode *node;
	char *real;             /* the module file, symbolic links resolved */
	bool loaded;
	int state;              /* cycle search: 0 new, 1 on path, 2 done */
	size_t *req;            /* indexes of the modules it requires */
	size_t nreq;
};

struct cbuild {
	struct xsrc *s;
	struct course *c;
	struct mref *refs;
	size_t n;
	char *real_dir;         /* c->dir resolved, once for all modules */
	int real_dir_err;       /* why not, when NULL */
	struct course_ctx ctx;  /* what modules may refer to */
};

static size_t find_module(const struct course *c, const struct mref *refs,
			  const char *id)
{
	for (size_t i = 0; i < c->nmodules; i++)
		if (refs[i].loaded && !strcmp(c->modules[i].id, id))
			return i;
	return (size_t)-1;
}

static bool cycle_from(struct cbuild *b, size_t i, size_t *path, size_t depth)
{
	struct mref *r = &b->refs[i];

	path[depth] = i;
	if (r->state == 1) {
		char msg[600];
		size_t start = 0, len = 0;

		while (path[start] != i)
			start++;
		if (start == depth - 1) {
			xsrc_node_problem(b->s, b->refs[i].node, "requires",
					  "module '%s' requires itself",
					  b->c->modules[i].id);
			return true;
		}
		msg[0] = '\0';
		for (size_t k = start; k <= depth && len < sizeof(msg) - 80; k++)
			len += (size_t)snprintf(msg + len, sizeof(msg) - len,
						"%s%s", k > start ? " -> " : "",
						b->c->modules[path[k]].id);
		xsrc_node_problem(b->s, b->refs[path[start]].node, "requires",
				  "modules require each other in a cycle: %s",
				  msg);
		return true;
	}
	if (r->state == 2)
		return false;
	r->state = 1;
	for (size_t k = 0; k < r->nreq; k++)
		if (cycle_from(b, r->req[k], path, depth + 1))
			return true;
	r->state = 2;
	return false;
}

static void check_requires(struct cbuild *b)
{
	struct course *c = b->c;
	bool all_loaded = true;
	size_t *path;

	for (size_t i = 0; i < c->nmodules; i++)
		all_loaded &= b->refs[i].loaded;
	for (size_t i = 0; i < c->nmodules; i++) {
		struct module *m = &c->modules[i];
		struct mref *r = &b->refs[i];

		if (!r->loaded || !m->nrequires)
			continue;
		r->req = calloc(m->nrequires, sizeof(*r->req));
		if (!r->req) {
			xsrc_problem(b->s, 0, 0, "out of memory");
			return;
		}
		for (size_t k = 0; k < m->nrequires; k++) {
			size_t j = find_module(c, b->refs, m->requires[k]);

			if (j != (size_t)-1)
				r->req[r->nreq++] = j;
			else if (all_loaded)
				xsrc_node_problem(b->s, r->node, "requires",
						  "requires '%s', but no module "
						  "of this course has that id",
						  m->requires[k]);
		}
	}
	/* The longest path has nmodules + 1 entries. */
	path = calloc(c->nmodules + 1, sizeof(*path));
	if (!path) {
		xsrc_problem(b->s, 0, 0, "out of memory");
		return;
	}
	for (size_t i = 0; i < c->nmodules; i++)
		if (b->refs[i].state == 0 && cycle_from(b, i, path, 0))
			break;
	free(path);
}

static void check_unique_modules(struct cbuild *b)
{
	struct course *c = b->c;

	/* Courses hold tens of modules: a quadratic scan is fine, but only
	 * over loaded modules, and only the first repeat of each is named. */
	for (size_t i = 0; i < c->nmodules; i++) {
		if (!b->refs[i].loaded)
			continue;
		for (size_t j = 0; j < i; j++)
			if (b->refs[j].loaded &&
			    !strcmp(c->modules[i].id, c->modules[j].id)) {
				xsrc_node_problem(
					b->s, b->refs[i].node, "href",
					"module id '%s' of %s is already the "
					"id of %s (line %ld); module ids must "
					"be unique in a course",
					c->modules[i].id, c->modules[i].file,
					c->modules[j].file,
					xmlGetLineNo(b->refs[j].node));
				break;
			}
	}
}

static char **split(char *list, size_t *n)
{
	size_t k = 1;
	char **v;

	*n = 0;
	if (!list)
		return NULL;
	for (char *p = list; *p; p++)
		k += *p == ' ';
	v = calloc(k, sizeof(*v));
	if (!v)
		return NULL;
	for (char *p = strtok(list, " "); p; p = strtok(NULL, " "))
		if ((v[*n] = strdup(p)))
			(*n)++;
	return v;
}

static void load_module_ref(struct cbuild *b, xmlNode *n, size_t k)
{
	struct course *c = b->c;
	struct module *m = &c->modules[k];
	char *href = attr(n, "href"), *path = NULL, *req;
	const char *why;
	int err;

	b->refs[k].node = n;
	if (!href) {
		xsrc_node_problem(b->s, n, "href", "href is empty");
		return;
	}
	why = href_problem(href);
	if (!why) {
		path = path_join(c->dir, href);
		if (!path) {
			xsrc_problem(b->s, 0, 0, "out of memory");
			goto out;
		}
		why = href_outside(b->real_dir, b->real_dir_err, path, &err,
				   &b->refs[k].real);
		if (why && !*why) {
			xsrc_node_problem(b->s, n, "href",
					  "module file '%s': %s", href,
					  strerror(err));
			goto out;
		}
	}
	if (why) {
		xsrc_node_problem(b->s, n, "href", "%s", why);
		goto out;
	}
	for (size_t j = 0; j < k; j++)
		if (b->refs[j].real && !strcmp(b->refs[j].real, b->refs[k].real)) {
			xsrc_node_problem(b->s, n, "href",
					  "module file '%s' is already listed "
					  "on line %ld", href,
					  xmlGetLineNo(b->refs[j].node));
			goto out;
		}
	if (module_load_into(path, m, b->s->d, &b->ctx) < 0) {
		module_release(m);
		goto out;
	}
	b->refs[k].loaded = true;
	req = attr(n, "requires");
	m->requires = split(req, &m->nrequires);
	free(req);
out:
	free(href);
	free(path);
}

/* A course source that no module takes (<source ref>) and no glossary
 * entry cites is a warning. */
static void warn_course_sources(struct cbuild *b, xmlNode *root)
{
	const struct course *c = b->c;
	xmlNode *srcs = NULL;

	if (!b->s->d->warnings || !c->nsources)
		return;
	for (xmlNode *n = elem(root->children); n; n = elem(n->next))
		if (is(n, "sources"))
			srcs = n;
	for (xmlNode *n = srcs ? elem(srcs->children) : NULL; n;
	     n = elem(n->next)) {
		char *id = attr(n, "id");
		bool used = false;

		if (!id)
			continue;
		for (size_t i = 0; i < c->nmodules && !used; i++)
			for (size_t k = 0; k < c->modules[i].nsources; k++)
				if (c->modules[i].sources[k].from_course &&
				    !strcmp(c->modules[i].sources[k].id, id))
					used = true;
		for (size_t i = 0; i < c->nglossary && !used; i++)
			for (size_t k = 0; k < c->glossary[i].def.n; k++) {
				const struct span *sp = &c->glossary[i].def.spans[k];
				size_t len = strlen(id);
				const char *p = sp->text;

				while (sp->kind == SPAN_CITE && !used &&
				       (p = strstr(p, id))) {
					used = (p == sp->text || p[-1] == ' ') &&
					       (p[len] == ' ' || !p[len]);
					p += len;
				}
			}
		if (!used)
			xsrc_node_warning(b->s, n, NULL,
					  "course source '%s' is never used: "
					  "no module takes it with <source "
					  "ref=\"%s\"/> and no glossary entry "
					  "cites it", id, id);
		free(id);
	}
}

/* True when the file looks like a module file (root <module>): its first
 * few kilobytes are enough. */
static bool looks_like_module(const char *path)
{
	char buf[4096];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return false;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return (strstr(buf, "<module ") || strstr(buf, "<module>") ||
		strstr(buf, "<module\n")) && !strstr(buf, "<course");
}

static bool listed(const struct cbuild *b, const char *real)
{
	for (size_t k = 0; k < b->n; k++)
		if (b->refs[k].real && !strcmp(b->refs[k].real, real))
			return true;
	return false;
}

/* A module file in the course folder (or a folder in it) that course.xml
 * does not list is a warning, and is checked too, with the course's
 * glossary and sources. */
static void warn_unlisted(struct cbuild *b, const char *dir, int depth)
{
	struct dirent **list = NULL;
	int n;

	if (!b->s->d->warnings || depth > 1)
		return;
	n = scandir(dir, &list, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		size_t len = strlen(name);
		char *path = name[0] == '.' ? NULL : path_join(dir, name);
		struct stat st;
		char *real;

		if (path && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			warn_unlisted(b, path, depth + 1);
		} else if (path && S_ISREG(st.st_mode) && len > 4 &&
			   !strcmp(name + len - 4, ".xml") &&
			   !(depth == 0 && !strcmp(name, "course.xml")) &&
			   (real = realpath(path, NULL))) {
			if (!listed(b, real) && looks_like_module(path)) {
				struct module m;

				diags_warn(b->s->d, path, 1, 1, "this module file "
					   "is in the course folder, but course.xml "
					   "does not list it: add <module href=\"%s"
					   "\"/> to course.xml, or move the file "
					   "out of the folder", path +
					   strlen(b->c->dir) +
					   (b->c->dir[strlen(b->c->dir) - 1] != '/'));
				module_load_into(path, &m, b->s->d, &b->ctx);
				module_release(&m);
			}
			free(real);
		}
		free(path);
		free(list[i]);
	}
	free(list);
}

static void course_build(struct cbuild *b, xmlNode *root)
{
	struct course *c = b->c;
	char *v;
	size_t k = 0;

	c->id = attr(root, "id");
	v = attr(root, "version");
	c->version = v ? (int)strtol(v, NULL, 10) : 1;
	if (v && (strlen(v) > 9 || c->version < 1))
		xsrc_node_problem(b->s, root, "version",
				  "version=\"%s\" is too large", v);
	free(v);
	c->lang = attr(root, "lang");
	if (!c->lang)
		c->lang = strdup("en");
	v = attr(root, "template");
	c->is_template = v && !strcmp(v, "yes");
	free(v);
	for (xmlNode *n = elem(root->children); n; n = elem(n->next))
		if (is(n, "module"))
			b->n++;
	if (b->n > MAX_MODULES) {
		xsrc_node_problem(b->s, root, NULL, "the course lists %zu modules; "
				  "at most %d are allowed", b->n, MAX_MODULES);
		b->n = 0;
		return;
	}
	/* the glossary and course sources first: modules refer to them */
	course_extras_build(b->s, root, c);
	b->ctx.c = c;
	b->ctx.known = true;
	c->modules = calloc(b->n ? b->n : 1, sizeof(*c->modules));
	b->refs = calloc(b->n ? b->n : 1, sizeof(*b->refs));
	if (!c->modules || !b->refs || !c->id || !c->lang) {
		xsrc_problem(b->s, 0, 0, "out of memory");
		return;
	}
	for (xmlNode *n = elem(root->children); n; n = elem(n->next)) {
		if (is(n, "title")) {
			c->title = text(n);
			if (c->title && !*c->title)
				xsrc_node_problem(b->s, n, NULL,
						  "course <title> is empty");
			if (c->title && b->s->d->warnings &&
			    text_width(c->title, strlen(c->title)) > 76)
				xsrc_node_warning(b->s, n, NULL, "the course title "
						  "will not fit one line of an "
						  "80-column screen: shorten it");
		} else if (is(n, "summary")) {
			c->summary = text(n);
			if (c->summary && !*c->summary) {
				free(c->summary);
				c->summary = NULL;
			}
		} else if (is(n, "module")) {
			load_module_ref(b, n, k++);
			c->nmodules = k;
		} else if (is(n, "certificate")) {
			c->cert_title = attr(n, "title");
			if (!c->cert_title)
				xsrc_node_problem(b->s, n, "title",
						  "certificate title is empty");
			c->valid_for = attr(n, "valid-for");
			if (c->valid_for &&
			    parse_duration(c->valid_for, &c->valid_years,
					   &c->valid_months,
					   &c->valid_days) < 0)
				xsrc_node_problem(b->s, n, "valid-for",
						  "valid-for=\"%s\" is not a "
						  "duration like P2Y or P18M",
						  c->valid_for);
		}
	}
	if (!c->title)
		c->title = strdup("");
	check_unique_modules(b);
	check_requires(b);
	warn_course_sources(b, root);
	warn_unlisted(b, c->dir, 0);
}

struct course *course_load_manifest(const char *manifest, struct diags *d)
{
	struct xsrc s;
	struct cbuild b = { 0 };
	struct course *c = NULL;
	xmlDoc *doc;
	xmlNode *root;
	const char *slash;
	size_t before = diags_errors(d);

	if (load_root(&s, manifest, d, &doc) < 0)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (!is(root, "course")) {
		xsrc_node_problem(&s, root, NULL,
				  "this is a module file (<module>), not a "
				  "course manifest (<course>)");
		goto out;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		xsrc_problem(&s, 0, 0, "out of memory");
		goto out;
	}
	slash = strrchr(manifest, '/');
	c->dir = slash ? strndup(manifest, (size_t)(slash - manifest) +
					     (slash == manifest))
		       : strdup(".");
	if (!c->dir) {
		xsrc_problem(&s, 0, 0, "out of memory");
		goto out;
	}
	b.s = &s;
	b.c = c;
	errno = 0;
	b.real_dir = realpath(c->dir, NULL);
	b.real_dir_err = b.real_dir ? 0 : errno;
	course_build(&b, root);
out:
	for (size_t i = 0; i < b.n && b.refs; i++) {
		free(b.refs[i].req);
		free(b.refs[i].real);
	}
	free(b.refs);
	free(b.real_dir);
	xsrc_doc_free(doc);
	xsrc_release(&s);
	if (c && (s.nprob || diags_errors(d) > before)) {
		course_free(c);
		c = NULL;
	}
	return c;
}

struct course *course_load(const char *dir, struct diags *d)
{
	char *p = path_join(dir, "course.xml");
	struct course *c;

	if (!p) {
		diags_add(d, dir, 0, 0, "out of memory");
		return NULL;
	}
	c = course_load_manifest(p, d);
	free(p);
	return c;
}

void course_free(struct course *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nmodules; i++)
		module_release(&c->modules[i]);
	free(c->modules);
	course_extras_release(c);
	free(c->id);
	free(c->lang);
	free(c->title);
	free(c->summary);
	free(c->dir);
	free(c->cert_title);
	free(c->valid_for);
	free(c);
}

/* ---- folders of courses --------------------------------------------------------- */

static int skip_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Calls fn for each course folder under path (path itself when it holds
 * course.xml); reports sub-folders that are not courses. */
static int each_course(const char *path, struct diags *d,
		       void (*fn)(const char *dir, void *arg), void *arg,
		       struct err *e)
{
	struct dirent **list = NULL;
	int n, courses = 0;

	if (has_manifest(path)) {
		fn(path, arg);
		return 0;
	}
	n = scandir(path, &list, skip_hidden, alphasort);
	if (n < 0)
		return err_set(e, ERR_NOTFOUND, "cannot read %s: %s", path,
			       strerror(errno));
	for (int i = 0; i < n; i++) {
		char *sub = path_join(path, list[i]->d_name);
		struct stat st;

		if (sub && stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (has_manifest(sub))
				fn(sub, arg);
			else
				diags_add(d, sub, 0, 0,
					  "no course.xml: every folder in "
					  "a courses folder must be a course");
			courses++;
		}
		free(sub);
		free(list[i]);
	}
	free(list);
	if (courses == 0)
		diags_add(d, path, 0, 0, "no course.xml and no course folders "
			  "here");
	return 0;
}

struct catalog_arg {
	struct catalog *cat;
	struct diags *d;
	int oom;
};

static void add_course(const char *dir, void *arg)
{
	struct catalog_arg *a = arg;
	struct course *c = course_load(dir, a->d), **v;

	if (!c)
		return;
	v = realloc(a->cat->courses, (a->cat->ncourses + 1) * sizeof(*v));
	if (!v) {
		diags_add(a->d, dir, 0, 0, "out of memory");
		course_free(c);
		return;
	}
	v[a->cat->ncourses++] = c;
	a->cat->courses = v;
}

int catalog_load(struct catalog *cat, const char *path, struct diags *d,
		 struct err *e)
{
	struct catalog_arg a = { cat, d, 0 };

	memset(cat, 0, sizeof(*cat));
	return each_course(path, d, add_course, &a, e);
}

void catalog_release(struct catalog *cat)
{
	for (size_t i = 0; i < cat->ncourses; i++)
		course_free(cat->courses[i]);
	free(cat->courses);
	memset(cat, 0, sizeof(*cat));
}

/* ---- validate ------------------------------------------------------------- */

struct check_arg {
	struct diags *d;
	struct load_stats *st;
};

static void count_course(struct load_stats *st, const struct course *c)
{
	st->courses++;
	st->modules += c->nmodules;
	st->files += c->nmodules + 1;
	st->pages += course_count_pages(c);
	st->questions += course_count_questions(c);
}

static void check_course(const char *dir, void *arg)
{
	struct check_arg *a = arg;
	struct course *c = course_load(dir, a->d);

	if (c)
		count_course(a->st, c);
	course_free(c);
}

static void count_module(struct load_stats *st, const struct module *m)
{
	st->modules++;
	st->files++;
	st->pages += m->npages;
	st->questions += m->quiz ? m->quiz->nquestions : 0;
}

/* A file: a manifest is checked with its whole course, anything else as a
 * module.  The file is parsed once to see which; problems of that first
 * parse are kept only when it is not a manifest (else the course load
 * reports them). */
static void check_file(const char *path, struct diags *d,
		       struct load_stats *st)
{
	struct diags peek;
	struct xsrc s;
	struct module m;
	xmlDoc *doc = NULL;
	xmlNode *root;
	int rc;

	diags_init(&peek);
	rc = load_root(&s, path, &peek, &doc);
	root = rc == 0 ? xmlDocGetRootElement(doc) : NULL;
	if (is(root, "course")) {
		struct course *c;

		xsrc_doc_free(doc);
		xsrc_release(&s);
		diags_release(&peek);
		c = course_load_manifest(path, d);
		if (c)
			count_course(st, c);
		course_free(c);
		return;
	}
	for (size_t i = 0; i < peek.n; i++)
		diags_add(d, peek.v[i].file, peek.v[i].line, peek.v[i].col,
			  "%s", peek.v[i].msg);
	diags_release(&peek);
	if (rc < 0)
		return;
	s.d = d;
	memset(&m, 0, sizeof(m));
	if (module_build(&s, root, &m, NULL) == 0 && s.nprob == 0)
		count_module(st, &m);
	module_release(&m);
	xsrc_doc_free(doc);
	xsrc_release(&s);
}

size_t course_check_path(const char *path, struct diags *d,
			 struct load_stats *st)
{
	struct check_arg a = { d, st };
	struct stat sb;
	size_t before = diags_errors(d);
	struct err e;

	if (stat(path, &sb) < 0) {
		diags_add(d, path, 0, 0, "cannot open: %s", strerror(errno));
	} else if (S_ISDIR(sb.st_mode)) {
		if (each_course(path, d, check_course, &a, &e) < 0)
			diags_add(d, path, 0, 0, "%s", e.msg);
	} else {
		check_file(path, d, st);
	}
	return diags_errors(d) - before;
}
