/* render_queue.h — the run's work queue: every PDF of a run (documents,
 * certificate files, print-file parts, from every input file) is a job that
 * worker threads take in submission order. Jobs are submitted from the main
 * thread, which composes, reports and claims names in input order, so
 * output names, bytes and messages do not depend on the number of workers
 * or on which finished first. At most a window of jobs waits at a time,
 * which bounds the memory of a long batch. */
#ifndef VANBAN_RENDER_QUEUE_H
#define VANBAN_RENDER_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

struct render_queue;

/* workers <= 1: every job runs at once inside rq_submit, on the caller's
 * thread. progress: redraw a progress line on stderr (a terminal) as jobs
 * finish. */
struct render_queue *rq_new(int workers, bool progress);

/* Queues run(arg), blocking while the window is full. run must be
 * thread-safe with respect to every other job. */
void rq_submit(struct render_queue *q, void (*run)(void *arg), void *arg);

/* The same for a job that holds `weight` units of memory until it ends
 * (say, composed pages): blocks until the weight of the unfinished jobs
 * plus this one is at most limit, or no weighed job is unfinished. */
void rq_submit_weighted(struct render_queue *q, void (*run)(void *arg), void *arg, size_t weight, size_t limit);

/* Waits for every job, joins the workers, clears the progress line and
 * frees the queue. */
void rq_finish(struct render_queue *q);

/* The number of online CPUs, at least 1: the default for -j. */
int rq_cpus(void);

#endif
