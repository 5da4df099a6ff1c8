/*
 * echoload.c - the load client of bench/anchors.sh: drives an echo server, checks and times it.
 *
 * Usage: echoload [-T SECONDS] [-c] HOST PORT CONNS ROUNDS BYTES
 *
 * Steady (default): CONNS connections, all connected before the clock starts. Each one sends
 *   ROUNDS lines of BYTES bytes (the last byte '\n'), one at a time: the next line goes out only
 *   when the whole echo of the last one is back (ping-pong, one line in flight per connection).
 * Churn (-c): CONNS slots; each makes ROUNDS connections one after the other (connect, one
 *   line, its echo, close), so a round trip there includes the connect and the close.
 *
 * One thread and one epoll set drive every connection (non-blocking sockets). Every byte that
 * comes back is compared with the byte sent: a line starts with its connection and its round
 * ("17 1999 ", then letters), so an echo of another connection or of an earlier round fails too.
 * The whole run, connects included, is bounded by -T (default 60 s): a connection (or slot) not
 * finished then is counted as incomplete.
 *
 * Output, one line on stdout:
 *   mode=steady|churn conns= rounds= bytes= round_trips= secs= rt_per_s= MB_per_s=
 *   p50_us= p99_us= max_us= mismatches= connect_failures= io_errors= incomplete=
 * round_trips: echoes received whole; secs: from the start (steady: once all are connected) to
 * the last echo; MB_per_s: payload echoed per second, one direction; p50/p99/max: latency of a
 * round trip, from its first byte sent (churn: from the connect) to its last byte back;
 * mismatches: round trips whose echo differed in at least one byte; io_errors: connections that
 * failed or were closed by the server mid-run. Exit status 1 if any of the last four is not 0,
 * 2 on a usage error.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum state {
    CONNECTING,         /* non-blocking connect under way */
    WAITING,            /* steady: connected, waiting for the others before the start */
    RUNNING,            /* a line is being sent and echoed */
    FINISHED            /* all its rounds done, or given up on an error */
};

struct conn {
    int id;             /* 0..CONNS-1: the connection (churn: the slot) */
    int fd;             /* -1 when closed */
    enum state state;
    unsigned watching;  /* the epoll events asked for now */
    long round;         /* the round trip in progress, 0..ROUNDS-1 */
    size_t sent, got;   /* bytes of the current line written / echoed so far */
    int bad;            /* the current echo differed somewhere */
    uint64_t t0;        /* ns: start of the current round trip */
    char *line;         /* the current line, BYTES bytes */
};

static struct sockaddr_in server;
static int conns, churn, epfd;
static long rounds;
static size_t bytes;
static char *scratch;           /* where echoes are read, BYTES bytes */
static uint64_t *lat;           /* ns, one per round trip done */
static long done, mismatches, connect_failures, io_errors;
static int live;                /* connections (slots) not FINISHED */
static int connecting;          /* steady: connections still in CONNECTING */
static uint64_t t_last;         /* ns: when the last echo was complete */

static uint64_t now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The line of this connection and round: "ID ROUND " then letters, '\n' last. */
static void fill_line(struct conn *c)
{
    char head[48];
    size_t n = (size_t)snprintf(head, sizeof head, "%d %ld ", c->id, c->round);

    if (n > bytes - 1)
        n = bytes - 1;
    memcpy(c->line, head, n);
    for (size_t i = n; i + 1 < bytes; i++)
        c->line[i] = (char)('a' + (i + (size_t)c->id + (size_t)c->round) % 26);
    c->line[bytes - 1] = '\n';
}

/* Asks epoll for these events on c's socket, if they are not the ones asked for already. */
static void watch(struct conn *c, unsigned events)
{
    struct epoll_event ev = { .events = events, .data.ptr = c };

    if (events == c->watching)
        return;
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev) < 0) {
        perror("echoload: epoll_ctl");
        exit(1);
    }
    c->watching = events;
}

static void close_conn(struct conn *c)
{
    close(c->fd);                       /* also takes it out of the epoll set */
    c->fd = -1;
}

static void finish(struct conn *c)
{
    if (c->fd >= 0)
        close_conn(c);
    c->state = FINISHED;
    live--;
}

/* Starts a non-blocking connect; 0 if it is under way (or done), -1 if it failed at once. */
static int open_conn(struct conn *c)
{
    struct epoll_event ev = { .events = EPOLLOUT, .data.ptr = c };
    int on = 1;

    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0)
        return -1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  /* a line goes out at once */
    if (connect(c->fd, (struct sockaddr *)&server, sizeof server) < 0 && errno != EINPROGRESS) {
        close_conn(c);
        return -1;
    }
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev) < 0) {
        perror("echoload: epoll_ctl");
        exit(1);
    }
    c->watching = EPOLLOUT;
    c->state = CONNECTING;
    return 0;
}

/* Churn: the slot's next connection; a connect that fails is counted and the next one tried. */
static void churn_next(struct conn *c)
{
    for (; c->round < rounds; c->round++) {
        c->t0 = now_ns();
        if (open_conn(c) == 0)
            return;
        connect_failures++;
    }
    finish(c);
}

/* The connection failed or the server closed it before the echo was whole. */
static void fail(struct conn *c)
{
    io_errors++;
    if (churn) {
        close_conn(c);
        c->round++;
        churn_next(c);
    } else {
        finish(c);
    }
}

/* Writes what the socket takes of the current line; -1 on an error. */
static int push(struct conn *c)
{
    while (c->sent < bytes) {
        ssize_t n = send(c->fd, c->line + c->sent, bytes - c->sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            if (errno == EINTR)
                continue;
            return -1;
        }
        c->sent += (size_t)n;
    }
    watch(c, EPOLLIN | (c->sent < bytes ? EPOLLOUT : 0));
    return 0;
}

static void start_round(struct conn *c)
{
    fill_line(c);
    c->sent = c->got = 0;
    c->bad = 0;
    if (!churn)
        c->t0 = now_ns();               /* churn: t0 was taken before the connect */
    c->state = RUNNING;
    if (push(c) < 0)
        fail(c);
}

/* Steady: every connection is connected (or failed): the clock starts and so do the rounds. */
static uint64_t start_all(struct conn *cs)
{
    uint64_t t = now_ns();

    for (int i = 0; i < conns; i++)
        if (cs[i].state == WAITING)
            start_round(&cs[i]);
    return t;
}

static void on_connected(struct conn *c)
{
    int err = 0;
    socklen_t len = sizeof err;

    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err != 0) {
        connect_failures++;
        if (churn) {
            close_conn(c);
            c->round++;
            churn_next(c);
        } else {
            connecting--;
            finish(c);
        }
        return;
    }
    if (churn) {
        start_round(c);
    } else {
        c->state = WAITING;
        watch(c, 0);                    /* nothing to do until the start */
        connecting--;
    }
}

/* Reads what has come back of the current line and compares it with what was sent. */
static void on_readable(struct conn *c)
{
    ssize_t n = recv(c->fd, scratch, bytes - c->got, 0);

    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (n <= 0) {                       /* an error, or the server closed the connection */
        fail(c);
        return;
    }
    if (memcmp(scratch, c->line + c->got, (size_t)n) != 0)
        c->bad = 1;
    c->got += (size_t)n;
    if (c->got < bytes)
        return;
    t_last = now_ns();                  /* the round trip is whole */
    lat[done++] = t_last - c->t0;
    mismatches += c->bad;
    c->round++;
    if (churn) {
        close_conn(c);
        churn_next(c);
    } else if (c->round == rounds) {
        finish(c);
    } else {
        start_round(c);
    }
}

static void on_event(struct conn *c, unsigned events)
{
    if (c->state == CONNECTING) {
        on_connected(c);
        return;
    }
    if (c->state != RUNNING)
        return;
    if ((events & EPOLLOUT) && push(c) < 0) {
        fail(c);
        return;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
        on_readable(c);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return (x > y) - (x < y);
}

/* The q-quantile of the sorted latencies, nearest rank, in microseconds. */
static double quantile_us(double q)
{
    double rank = q * (double)done;     /* the k-th smallest, k = ceil(rank) */
    long k = (long)rank;

    if (done == 0)
        return 0;
    if ((double)k < rank)
        k++;
    return (double)lat[k > 0 ? k - 1 : 0] / 1e3;
}

static void usage(const char *why)
{
    if (why)
        fprintf(stderr, "echoload: %s\n", why);
    fprintf(stderr, "usage: echoload [-T SECONDS] [-c] HOST PORT CONNS ROUNDS BYTES\n"
                    "  -T  time limit of the whole run (default 60)\n"
                    "  -c  churn: a new connection for every round trip; CONNS slots at once\n");
    exit(2);
}

int main(int argc, char **argv)
{
    double limit = 60;
    int opt;

    while ((opt = getopt(argc, argv, "T:c")) != -1) {
        switch (opt) {
        case 'T': limit = atof(optarg); break;
        case 'c': churn = 1; break;
        default: usage(NULL);
        }
    }
    if (argc - optind != 5)
        usage(NULL);
    server.sin_family = AF_INET;
    if (inet_pton(AF_INET, argv[optind], &server.sin_addr) != 1)
        usage("HOST must be a numeric IPv4 address");
    long port = atol(argv[optind + 1]);
    conns = atoi(argv[optind + 2]);
    rounds = atol(argv[optind + 3]);
    long b = atol(argv[optind + 4]);
    if (limit <= 0 || port < 1 || port > 65535 || conns < 1 || rounds < 1 || b < 1 || b > (1 << 20))
        usage("need -T > 0, 1 <= PORT <= 65535, CONNS >= 1, ROUNDS >= 1, 1 <= BYTES <= 1048576");
    if ((double)conns * (double)rounds > 5e8)
        usage("CONNS x ROUNDS is too large");
    server.sin_port = htons((uint16_t)port);
    bytes = (size_t)b;

    struct conn *cs = calloc((size_t)conns, sizeof *cs);
    char *lines = malloc((size_t)conns * bytes);
    scratch = malloc(bytes);
    lat = malloc(sizeof *lat * (size_t)conns * (size_t)rounds);
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (!cs || !lines || !scratch || !lat || epfd < 0) {
        perror("echoload");
        return 1;
    }

    uint64_t t_begin = now_ns(), deadline = t_begin + (uint64_t)(limit * 1e9);
    int started = churn;                /* steady starts once everybody is connected */
    live = conns;
    for (int i = 0; i < conns; i++) {
        struct conn *c = &cs[i];
        c->id = i;
        c->fd = -1;
        c->line = lines + (size_t)i * bytes;
        if (churn) {
            churn_next(c);
        } else if (open_conn(c) == 0) {
            connecting++;
        } else {
            connect_failures++;
            finish(c);
        }
    }

    struct epoll_event evs[64];
    while (live > 0) {
        if (!started && connecting == 0) {
            t_begin = start_all(cs);
            started = 1;
            continue;
        }
        uint64_t t = now_ns();
        if (t >= deadline)
            break;
        int n = epoll_wait(epfd, evs, 64, (int)((deadline - t + 999999) / 1000000));
        if (n < 0 && errno != EINTR) {
            perror("echoload: epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; i++)
            on_event(evs[i].data.ptr, evs[i].events);
    }

    long incomplete = live;             /* still under way at the time limit */
    uint64_t t_end = (incomplete > 0 || done == 0) ? now_ns() : t_last;
    double secs = t_end > t_begin ? (double)(t_end - t_begin) / 1e9 : 1e-9;
    qsort(lat, (size_t)done, sizeof *lat, cmp_u64);
    printf("mode=%s conns=%d rounds=%ld bytes=%zu round_trips=%ld secs=%.3f rt_per_s=%.0f "
           "MB_per_s=%.2f p50_us=%.1f p99_us=%.1f max_us=%.0f mismatches=%ld connect_failures=%ld "
           "io_errors=%ld incomplete=%ld\n",
           churn ? "churn" : "steady", conns, rounds, bytes, done, secs, (double)done / secs,
           (double)done * (double)bytes / secs / 1e6, quantile_us(0.50), quantile_us(0.99),
           done ? (double)lat[done - 1] / 1e3 : 0.0, mismatches, connect_failures, io_errors,
           incomplete);
    return (mismatches || connect_failures || io_errors || incomplete) ? 1 : 0;
}
