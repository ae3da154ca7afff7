/* render_queue.c — worker threads over one FIFO of jobs (render_queue.h). */
#include "render_queue.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"

#define MAX_WORKERS 64
#define WINDOW_PER_WORKER 16 /* queued jobs per worker: enough to never starve */
#define REDRAW_NS 100000000L /* the progress line at most ten times a second */

struct job {
	void (*run)(void *arg);
	void *arg;
	size_t weight;
};

struct render_queue {
	struct job *ring;
	size_t cap, head, count;  /* waiting jobs: ring[head .. head+count) mod cap */
	size_t submitted, done;
	size_t weight;            /* of the jobs submitted and not yet finished */
	bool closing, progress;
	int nworkers;
	pthread_t tid[MAX_WORKERS];
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full, lighter;
	struct timespec start, drawn;
};

int rq_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (int)n;
}

static long elapsed_ns(const struct timespec *from, const struct timespec *to)
{
	return (to->tv_sec - from->tv_sec) * 1000000000L + (to->tv_nsec - from->tv_nsec);
}

/* "  523/1000 files, 812/s, 1 s left" redrawn in place; called locked. */
static void draw(struct render_queue *q, bool force)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!force && elapsed_ns(&q->drawn, &now) < REDRAW_NS)
		return;
	q->drawn = now;
	double secs = (double)elapsed_ns(&q->start, &now) / 1e9;
	double rate = secs > 0 ? (double)q->done / secs : 0;
	long left = rate > 0 ? (long)((double)(q->submitted - q->done) / rate + 0.999) : 0;
	fprintf(stderr, "\r");
	fprintf(stderr, diag_tr("%zu/%zu files, %.0f/s, %ld s left"), q->done, q->submitted, rate, left);
	fprintf(stderr, "\033[K");
	fflush(stderr);
}

static void *worker(void *arg)
{
	struct render_queue *q = arg;
	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (!q->count && !q->closing)
			pthread_cond_wait(&q->not_empty, &q->mu);
		if (!q->count)
			break;
		struct job j = q->ring[q->head];
		q->head = (q->head + 1) % q->cap;
		q->count--;
		pthread_cond_signal(&q->not_full);
		pthread_mutex_unlock(&q->mu);
		j.run(j.arg);
		pthread_mutex_lock(&q->mu);
		q->done++;
		q->weight -= j.weight;
		if (j.weight)
			pthread_cond_signal(&q->lighter);
		if (q->progress)
			draw(q, false);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

struct render_queue *rq_new(int workers, bool progress)
{
	struct render_queue *q = xcalloc(1, sizeof *q);
	q->progress = progress;
	clock_gettime(CLOCK_MONOTONIC, &q->start);
	q->drawn = q->start;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->not_empty, NULL);
	pthread_cond_init(&q->not_full, NULL);
	pthread_cond_init(&q->lighter, NULL);
	if (workers > MAX_WORKERS)
		workers = MAX_WORKERS;
	q->cap = (size_t)(workers > 1 ? workers : 1) * WINDOW_PER_WORKER;
	q->ring = xcalloc(q->cap, sizeof *q->ring);
	for (int i = 0; workers > 1 && i < workers; i++)
		if (pthread_create(&q->tid[q->nworkers], NULL, worker, q) == 0)
			q->nworkers++;
	return q;
}

void rq_submit(struct render_queue *q, void (*run)(void *arg), void *arg)
{
	rq_submit_weighted(q, run, arg, 0, 0);
}

void rq_submit_weighted(struct render_queue *q, void (*run)(void *arg), void *arg, size_t weight, size_t limit)
{
	if (q->nworkers == 0) { /* -j 1, or no threads to be had */
		run(arg);
		q->submitted++;
		q->done++;
		if (q->progress)
			draw(q, false);
		return;
	}
	pthread_mutex_lock(&q->mu);
	while (weight && q->weight && q->weight + weight > limit)
		pthread_cond_wait(&q->lighter, &q->mu);
	while (q->count == q->cap)
		pthread_cond_wait(&q->not_full, &q->mu);
	q->ring[(q->head + q->count) % q->cap] = (struct job){run, arg, weight};
	q->count++;
	q->weight += weight;
	q->submitted++;
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->mu);
}

void rq_finish(struct render_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->closing = true;
	pthread_cond_broadcast(&q->not_empty);
	pthread_mutex_unlock(&q->mu);
	for (int i = 0; i < q->nworkers; i++)
		pthread_join(q->tid[i], NULL);
	if (q->progress && q->submitted) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pthread_cond_destroy(&q->lighter);
	pthread_cond_destroy(&q->not_full);
	pthread_cond_destroy(&q->not_empty);
	pthread_mutex_destroy(&q->mu);
	free(q->ring);
	free(q);
}
