/* bgparse.c: the whole file parsed beside the reader (bgparse.h). One mutex guards the slot
 * and who frees it; a condition variable lets a caller that needs the result wait for it. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc/bgparse.h"

struct bgparse {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cond;
	/* Under mu. */
	int done;                   /* 1 finished, 2 handed over */
	int abandoned;              /* bgparse_end came first: the worker frees everything */
	int rc;                     /* parse_file's return */
	struct collection *col;
	struct parse_diag diag;
	/* Read-only once started. */
	char *path;
	enum input_format format;
};

static void destroy(struct bgparse *b)
{
	collection_free(b->col);
	pthread_cond_destroy(&b->cond);
	pthread_mutex_destroy(&b->mu);
	free(b->path);
	free(b);
}

static void *worker(void *arg)
{
	struct bgparse *b = arg;
	struct collection *col = NULL;
	struct parse_diag diag;
	memset(&diag, 0, sizeof diag);
	int rc = parse_file(b->path, b->format, &col, &diag);
	pthread_mutex_lock(&b->mu);
	b->col = col;
	b->rc = rc;
	b->diag = diag;
	b->done = 1;
	int abandoned = b->abandoned;
	pthread_cond_broadcast(&b->cond);
	pthread_mutex_unlock(&b->mu);
	if (abandoned)
		destroy(b);
	return NULL;
}

struct bgparse *bgparse_start(const char *path, enum input_format f)
{
	struct bgparse *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->format = f;
	b->path = strdup(path);
	if (!b->path) {
		free(b);
		return NULL;
	}
	if (pthread_mutex_init(&b->mu, NULL) != 0) {
		free(b->path);
		free(b);
		return NULL;
	}
	if (pthread_cond_init(&b->cond, NULL) != 0) {
		pthread_mutex_destroy(&b->mu);
		free(b->path);
		free(b);
		return NULL;
	}
	if (pthread_create(&b->thread, NULL, worker, b) != 0) {
		destroy(b);
		return NULL;
	}
	return b;
}

int bgparse_take(struct bgparse *b, struct collection **col, int *rc, struct parse_diag *diag)
{
	if (!b)
		return 0;
	pthread_mutex_lock(&b->mu);
	int done = b->done == 1;
	if (done) {
		*col = b->col;
		*rc = b->rc;
		*diag = b->diag;
		b->col = NULL;
		b->done = 2;
	}
	pthread_mutex_unlock(&b->mu);
	return done;
}

int bgparse_wait(struct bgparse *b, int timeout_ms)
{
	if (!b)
		return 1;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += timeout_ms / 1000;
	ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&b->mu);
	int r = 0;
	while (!b->done && r != ETIMEDOUT)
		r = pthread_cond_timedwait(&b->cond, &b->mu, &ts);
	int done = b->done != 0;
	pthread_mutex_unlock(&b->mu);
	return done;
}

void bgparse_end(struct bgparse *b)
{
	if (!b)
		return;
	pthread_mutex_lock(&b->mu);
	int done = b->done != 0;
	if (!done)
		b->abandoned = 1;
	pthread_mutex_unlock(&b->mu);
	if (done) {
		pthread_join(b->thread, NULL);
		destroy(b);
	} else {
		pthread_detach(b->thread);
	}
}
