/* A minimal SEGGER RTT control block (one up channel, one down channel), the layout
 * OpenOCD's `rtt` finds by its id string. The id is written at run time, not stored
 * in .data, so the only copy OpenOCD can find in SRAM is the live block. */
#include <string.h>
#include "rtt.h"

struct rtt_buffer {
    const char *name;
    char *buf;
    unsigned size;
    volatile unsigned wr;
    volatile unsigned rd;
    unsigned flags;
};

struct rtt_cb {
    char id[16];
    int max_up;
    int max_down;
    struct rtt_buffer up[1];
    struct rtt_buffer down[1];
};

static char up_buf[256];
static char down_buf[16];
struct rtt_cb _SEGGER_RTT;

void rtt_init(void)
{
    _SEGGER_RTT.max_up = 1;
    _SEGGER_RTT.max_down = 1;
    _SEGGER_RTT.up[0] = (struct rtt_buffer){"Terminal", up_buf, sizeof up_buf, 0, 0, 0};
    _SEGGER_RTT.down[0] = (struct rtt_buffer){"Terminal", down_buf, sizeof down_buf, 0, 0, 0};
    strcpy(&_SEGGER_RTT.id[7], "RTT");
    strcpy(_SEGGER_RTT.id, "SEGGER");
    _SEGGER_RTT.id[6] = ' ';
}

/* Non-blocking: what does not fit is dropped (SEGGER's default mode). */
void rtt_write(const char *s, unsigned n)
{
    struct rtt_buffer *b = &_SEGGER_RTT.up[0];
    unsigned wr = b->wr;
    while (n--) {
        unsigned next = (wr + 1) % b->size;
        if (next == b->rd) break;
        b->buf[wr] = *s++;
        wr = next;
    }
    b->wr = wr;
}
