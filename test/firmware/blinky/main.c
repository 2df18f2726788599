/* Blue Pill blinky, as a firmware engineer writes one: SysTick at 100 Hz counts ticks,
 * the main loop toggles the LED on PC13 every 10 ticks and prints the tick count over
 * RTT with newlib's snprintf. Setting `fault_request` (a word in SRAM, e.g. from GDB or
 * the workbench) makes main jump to an address with no memory behind it: a bus fault on
 * instruction fetch, escalated to HardFault (CFSR.IBUSERR, HFSR.FORCED). */
#include <stdint.h>
#include <stdio.h>
#include "rtt.h"

#define RCC_APB2ENR (*(volatile uint32_t *)0x40021018u)
#define GPIOC_CRH (*(volatile uint32_t *)0x40011004u)
#define GPIOC_ODR (*(volatile uint32_t *)0x4001100Cu)
#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)

#define CORE_HZ 8000000u /* HSI after reset */
#define TICK_HZ 100u

volatile uint32_t ticks;               /* .bss: advanced by SysTick */
volatile uint32_t toggles;             /* .bss: LED edges so far */
volatile uint32_t fault_request;       /* .bss: non-zero -> deliberate fault */
volatile uint32_t blink_every = 10;    /* .data: ticks per LED edge */
volatile uint32_t hardfault_count;     /* .bss: HardFault_Handler was entered */
const char banner[] = "blinky up\n";   /* .rodata */

void SysTick_Handler(void)
{
    ticks++;
}

void HardFault_Handler(void)
{
    hardfault_count++;
    for (;;) {
    }
}

static void led_toggle(void)
{
    GPIOC_ODR ^= 1u << 13;
    toggles++;
}

int main(void)
{
    char line[32];
    uint32_t last = 0;

    rtt_init();
    rtt_write(banner, sizeof banner - 1);

    RCC_APB2ENR |= 1u << 4;                                /* IOPCEN */
    GPIOC_CRH = (GPIOC_CRH & ~(0xFu << 20)) | (0x3u << 20); /* PC13 push-pull, 50 MHz */

    SYST_RVR = CORE_HZ / TICK_HZ - 1;
    SYST_CVR = 0;
    SYST_CSR = 7; /* ENABLE | TICKINT | CLKSOURCE = core clock */

    for (;;) {
        if (fault_request) {
            void (*nowhere)(void) = (void (*)(void))0x30000001u;
            nowhere();
        }
        uint32_t now = ticks;
        if (now - last >= blink_every) {
            last = now;
            led_toggle();
            int n = snprintf(line, sizeof line, "tick %lu\n", (unsigned long)now);
            rtt_write(line, (unsigned)n);
        }
        __asm volatile("wfi");
    }
}
