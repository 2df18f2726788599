#ifndef RTT_H
#define RTT_H
void rtt_init(void);
void rtt_write(const char *s, unsigned n);
#endif
