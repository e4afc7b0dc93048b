#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diags_init(struct diags *d)
{
	memset(d, 0, sizeof(*d));
}

void diags_release(struct diags *d)
{

	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	diags_init(d);
}

static void vadd(struct diags *d, const char *file, int line, int col,
		 int warning, const char *fmt, va_list ap)
{
	char buf[1024];

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct diag *v = realloc(d->v, cap * sizeof(*v));
		if (!v)
			return;
		d->v = v;
		d->cap = cap;
	}
	vsnprintf(buf, sizeof(buf), fmt, ap);
	d->v[d->n].file = strdup(file ? file : "");
	d->v[d->n].line = line;
	d->v[d->n].col = col;
	d->v[d->n].msg = strdup(buf);
	if (!d->v[d->n].msg)
		d->v[d->n].msg = strdup("out of memory");
	d->v[d->n].warning = warning;
	d->nwarn += warning != 0;
	d->n++;
}

void diags_add(struct diags *d, const char *file, int line, int col,
	       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(d, file, line, col, 0, fmt, ap);
	va_end(ap);
}

void diags_warn(struct diags *d, const char *file, int line, int col,
		const char *fmt, ...)
{
	va_list ap;

	if (!d->warnings)
		return;
	va_start(ap, fmt);
	vadd(d, file, line, col, 1, fmt, ap);
	va_end(ap);
}

size_t diags_errors(const struct diags *d)
{
	return d->n - d->nwarn;
}


void diags_sort(struct diags *d)
{
	/* qsort is not stable; the address tie-break above is only valid
	 * before moves, so sort an index instead. */
	size_t *idx;
	struct diag *tmp;

	if (d->n < 2)
		return;
	idx = malloc(d->n * sizeof(*idx));
	tmp = malloc(d->n * sizeof(*tmp));
	if (!idx || !tmp) {
		free(idx);
		free(tmp);
		return;
	}
	/* insertion sort by key with original order as tie-break: n is small */
	for (size_t i = 0; i < d->n; i++)
		idx[i] = i;
	for (size_t i = 1; i < d->n; i++) {
		size_t k = idx[i], j = i;
		while (j > 0) {
			const struct diag *p = &d->v[idx[j - 1]], *q = &d->v[k];
			int c = strcmp(p->file, q->file);
			if (c < 0 || (c == 0 && (p->line < q->line ||
			    (p->line == q->line && p->col <= q->col))))
				break;
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = k;
	}
	for (size_t i = 0; i < d->n; i++)
		tmp[i] = d->v[idx[i]];
	memcpy(d->v, tmp, d->n * sizeof(*tmp));
	free(idx);
	free(tmp);
}

void diags_print(const struct diags *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const char *w = d->v[i].warning ? "warning: " : "";

		/* a problem of a whole file or folder has no line: no 0:0 */
		if (d->v[i].line > 0)
			fprintf(out, "%s:%d:%d: %s%s\n", d->v[i].file,
				d->v[i].line, d->v[i].col > 0 ? d->v[i].col : 1,
				w, d->v[i].msg);
		else
			fprintf(out, "%s: %s%s\n", d->v[i].file, w,
				d->v[i].msg);
	}
}
