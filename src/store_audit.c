/* store_audit.c - the coordinators' audit log: append-only, each entry
 * hashing the previous one, so a deleted or edited entry is detected.
 * meta.audit_head keeps the last "SEQ HASH", which catches removal of the
 * newest entries too.
 */
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static const char zero_hash[] =
	"0000000000000000000000000000000000000000000000000000000000000000";

void audit_list_free(struct audit_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].at);
		free(v[i].action);
		free(v[i].detail);
	}
	free(v);
}

static void put_field(crypto_generichash_state *h, const char *f)
{
	unsigned char len[8];
	unsigned long long n = strlen(f);

	/* Length first: "ab"+"c" and "a"+"bc" must not hash alike. */
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(n >> (8 * i));
	crypto_generichash_update(h, len, sizeof(len));
	crypto_generichash_update(h, (const unsigned char *)f, n);
}

static void entry_hash(const char *prev, long seq, const char *at,
		       const char *action, const char *detail, char out[65])
{
	crypto_generichash_state h;
	unsigned char d[32];
	char num[24];

	snprintf(num, sizeof(num), "%ld", seq);
	crypto_generichash_init(&h, NULL, 0, sizeof(d));
	put_field(&h, prev);
	put_field(&h, num);
	put_field(&h, at);
	put_field(&h, action);
	put_field(&h, detail);
	crypto_generichash_final(&h, d, sizeof(d));
	sodium_bin2hex(out, 65, d, sizeof(d));
}

int store_audit_append(struct store *s, const char *action,
		       const char *detail, struct err *e)
{
	char id[STORE_ID_LEN + 1], at[STORE_TIME_LEN + 1];
	char prev[65], hash[65], head[100];
	sqlite3_stmt *st;
	long seq = 1;
	int rc;

	if (!action || !*action)
		return err_set(e, ERR_INVALID, "an audit entry needs an action");
	if (!detail)
		detail = "";
	if (store_begin(s, e) < 0)
		return -1;
	st = store_stmt(s, "SELECT seq, hash FROM audit ORDER BY seq DESC "
			   "LIMIT 1", e);
	if (!st)
		goto fail;
	rc = sqlite3_step(st);
	memcpy(prev, zero_hash, sizeof(prev));
	if (rc == SQLITE_ROW) {
		seq = (long)sqlite3_column_int64(st, 0) + 1;
		store_col_copy(st, 1, prev, sizeof(prev));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(s, rc, "writing the audit log", e);
		goto fail;
	}
	store_uuid(id);
	store_time_text(s, at);
	entry_hash(prev, seq, at, action, detail, hash);
	st = store_stmt(s, "INSERT INTO audit (seq, id, at, action, detail, "
			   "prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, seq);
	store_bind_text(st, 2, id);
	store_bind_text(st, 3, at);
	store_bind_text(st, 4, action);
	store_bind_text(st, 5, detail);
	store_bind_text(st, 6, prev);
	store_bind_text(st, 7, hash);
	if (store_step_done(s, st, "writing the audit log", e) < 0)
		goto fail;
	snprintf(head, sizeof(head), "%ld %s", seq, hash);
	st = store_stmt(s, "INSERT INTO meta (key, value) VALUES "
			   "('audit_head', ?1) ON CONFLICT (key) DO UPDATE "
			   "SET value = ?1", e);
	if (!st)
		goto fail;
	store_bind_text(st, 1, head);
	if (store_step_done(s, st, "writing the audit log", e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int store_audit_list(struct store *s, struct audit_entry **v, size_t *n,
		     struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT seq, at, action, detail, prev, hash FROM audit "
		"ORDER BY seq", e);
	size_t cap = 0;
	bool oom = false;
	int rc;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry *a;

		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct audit_entry *nv = realloc(*v, nc * sizeof(**v));

			if (!nv) {
				oom = true;
				break;
			}
			*v = nv;
			cap = nc;
		}
		a = &(*v)[(*n)++];
		a->seq = (long)sqlite3_column_int64(st, 0);
		a->at = store_col_dup(st, 1, &oom);
		a->action = store_col_dup(st, 2, &oom);
		a->detail = store_col_dup(st, 3, &oom);
		store_col_copy(st, 4, a->prev, sizeof(a->prev));
		store_col_copy(st, 5, a->hash, sizeof(a->hash));
	}
	sqlite3_reset(st);
	if (oom || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
		audit_list_free(*v, *n);
		*v = NULL;
		*n = 0;
		if (oom)
			return err_set(e, ERR_GENERIC, "out of memory");
		return store_fail(s, rc, "reading the audit log", e);
	}
	return 0;
}

static int read_head(struct store *s, char *head, size_t size, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT value FROM meta WHERE key = 'audit_head'", e);
	int rc;

	*head = '\0';
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		store_col_copy(st, 0, head, size);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the audit log", e);
	return 0;
}

int store_audit_verify(struct store *s, long *bad_seq, struct err *e)
{
	struct audit_entry *v;
	size_t n;
	char prev[65], h[65], head[100], want[100];
	int ret = 0;

	*bad_seq = 0;
	if (store_audit_list(s, &v, &n, e) < 0)
		return -1;
	if (read_head(s, head, sizeof(head), e) < 0) {
		audit_list_free(v, n);
		return -1;
	}
	memcpy(prev, zero_hash, sizeof(prev));
	for (size_t i = 0; i < n; i++) {
		entry_hash(v[i].prev, v[i].seq, v[i].at, v[i].action,
			   v[i].detail, h);
		if (v[i].seq != (long)i + 1 || strcmp(v[i].prev, prev) != 0 ||
		    strcmp(v[i].hash, h) != 0) {
			*bad_seq = v[i].seq;
			ret = 1;
			break;
		}
		memcpy(prev, v[i].hash, sizeof(prev));
	}
	if (ret == 0) {
		if (n)
			snprintf(want, sizeof(want), "%ld %s", v[n - 1].seq,
				 v[n - 1].hash);
		else
			want[0] = '\0';
		if (strcmp(head, want) != 0) {
			/* The newest entries were removed (or the head
			 * edited): the first missing one is bad. */
			*bad_seq = (long)n + 1;
			ret = 1;
		}
	}
	if (ret)
		err_set(e, ERR_CORRUPT,
			"the audit log was altered: entry %ld is missing or "
			"was changed",
			*bad_seq);
	audit_list_free(v, n);
	return ret;
}
