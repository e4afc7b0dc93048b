/* course_xml.h - private to course_xml*.c: one course file being loaded.
 *
 * course_xml.c reads and parses a file safely and validates it against the
 * built-in schema; course_xml_module.c and course_xml_course.c turn the
 * tree into the model and make the checks no schema can express.  libxml2
 * types stay opaque here so that no other file sees them.
 */
#ifndef CK_COURSE_XML_H
#define CK_COURSE_XML_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"

struct _xmlDoc;
struct _xmlNode;

/* Problems reported per file before the rest is left unreported. */
#define XSRC_MAX_PROBLEMS 50

struct xsrc {
	const char *path;        /* as shown in messages */
	char *buf;               /* the file's bytes, NUL-terminated */
	size_t len;
	size_t cap;              /* allocated size of buf */
	struct diags *d;
	size_t nprob;            /* problems reported for this file */
	bool invalid;            /* not valid against the schema: the tree
				  * was still built for the other checks */
	struct rng_error *rng;   /* collected while validating */
	size_t nrng, caprng;
};

/* Reads `path` (a regular file of at most COURSE_FILE_MAX bytes) into s;
 * on failure reports the problem and returns -1.  xsrc_release frees. */
int xsrc_read(struct xsrc *s, const char *path, struct diags *d);
void xsrc_release(struct xsrc *s);

/* Parses s->buf safely, refuses forbidden characters and validates against
 * the built-in schema.  Returns the document, or NULL when the file is not
 * well-formed or not valid (every problem reported).  A document returned
 * may still carry character problems (s->nprob > 0): build the model, then
 * discard it.  Free with xsrc_doc_free. */
struct _xmlDoc *xsrc_parse(struct xsrc *s);
void xsrc_doc_free(struct _xmlDoc *doc);

/* Reports a problem at a line and column of s. */
void xsrc_problem(struct xsrc *s, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Reports a problem at element n, or at its attribute `attr` (may be NULL). */
void xsrc_node_problem(struct xsrc *s, const struct _xmlNode *n,
		       const char *attr, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A warning at element n (or its attribute): added only when the diags
 * want warnings; never makes the file fail. */
void xsrc_node_warning(struct xsrc *s, const struct _xmlNode *n,
		       const char *attr, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Line and column of element n (or its attribute) in s. */
void xsrc_locate(const struct xsrc *s, const struct _xmlNode *n,
		 const char *attr, int *line, int *col);

/* A RELAX NG error as libxml2 gave it. */
struct rng_error {
	const struct _xmlNode *node;
	char *msg;
};

/* course_xml_schema.c: a document that is not valid, explained in a
 * trainer's words (the tree checked against a table of what each element
 * holds); libxml2's errors (errs) that this does not explain are reported
 * in plainer words. */
void xsrc_explain(struct xsrc *s, struct _xmlDoc *doc,
		  const struct rng_error *errs, size_t n);
/* True when the table knows an element or attribute name (for a test). */
bool xsrc_schema_knows(const char *name);

/* BLAKE2b-256 of the file's bytes as 64 hex digits. */
void xsrc_hash(const struct xsrc *s, char out[65]);

/* What a module may refer to in its course: the course glossary (<term
 * ref>) and course sources (<source ref>).  NULL, or known == false, when
 * a module file is loaded on its own: such refs are then not checked. */
struct course_ctx {
	const struct course *c;
	bool known;
};

/* Model building (course_xml_module.c, course_xml_course.c).  Both return
 * 0, or -1 when they reported a problem (the half-built model is still
 * safe to release). */
int module_build(struct xsrc *s, struct _xmlNode *root, struct module *m,
		 const struct course_ctx *ctx);
void module_release(struct module *m);
/* Loads one module file into m (zeroed first). */
int module_load_into(const char *path, struct module *m, struct diags *d,
		     const struct course_ctx *ctx);
/* The course manifest's <glossary> and <sources> (children of root) into
 * c->glossary and c->sources, checked.  0, or -1 when it reported a
 * problem. */
int course_extras_build(struct xsrc *s, struct _xmlNode *root,
			struct course *c);
void course_extras_release(struct course *c);

#endif
