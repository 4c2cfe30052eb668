/*
 * Cross-check tool for the test suite (not for firmware).
 *   fbproto_cli encode   lines on stdin → one line of wire bytes in hex per message on stdout
 *     hello DEV BOOT SEQ BUTTONS SCALE MODEL_HEX FIRMWARE_HEX   (hex of the ASCII text, "~" for empty)
 *     press DEV BOOT SEQ BUTTON DURATION UPTIME
 *     answer DEV BOOT SEQ QUESTION VALUE UPTIME
 *     heartbeat DEV BOOT SEQ BATTERY RSSI UPTIME PRESSES
 *     ack DEV BOOT SEQ UPTO | config DEV BOOT SEQ INTERVAL LED SESSION | error DEV BOOT SEQ CODE REJECTED
 *   fbproto_cli decode   wire bytes on stdin → one JSON object per decoded message, then {"drops":N}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fbproto.h"

static void unhex(const char *hex, char *out) {
  size_t i, n = strcmp(hex, "~") == 0 ? 0 : strlen(hex) / 2;
  for (i = 0; i < n; i++) {
    unsigned v;
    sscanf(hex + 2 * i, "%2x", &v);
    out[i] = (char)v;
  }
  out[n] = '\0';
}

static int encode(void) {
  char line[512], kind[16], a[80], b[80];
  unsigned long dev, boot, seq, x1, x2, x3, x4;
  long sv;
  while (fgets(line, sizeof line, stdin)) {
    fb_message_t m;
    uint8_t wire[FB_MAX_WIRE_BYTES];
    size_t n, i;
    memset(&m, 0, sizeof m);
    if (sscanf(line, "%15s %lu %lu %lu", kind, &dev, &boot, &seq) != 4) return 2;
    m.device_id = (uint32_t)dev; m.boot = (uint16_t)boot; m.seq = (uint32_t)seq;
    if (strcmp(kind, "hello") == 0) {
      sscanf(line, "%*s %*u %*u %*u %lu %lu %79s %79s", &x1, &x2, a, b);
      m.type = FB_HELLO; m.u.hello.buttons = (uint8_t)x1; m.u.hello.scale = (uint8_t)x2;
      unhex(a, m.u.hello.model); unhex(b, m.u.hello.firmware);
    } else if (strcmp(kind, "press") == 0) {
      sscanf(line, "%*s %*u %*u %*u %lu %lu %lu", &x1, &x2, &x3);
      m.type = FB_PRESS; m.u.press.button = (uint8_t)x1; m.u.press.duration_ms = (uint16_t)x2; m.u.press.uptime_ms = (uint32_t)x3;
    } else if (strcmp(kind, "answer") == 0) {
      sscanf(line, "%*s %*u %*u %*u %lu %ld %lu", &x1, &sv, &x3);
      m.type = FB_ANSWER; m.u.answer.question_id = (uint16_t)x1; m.u.answer.value = (int16_t)sv; m.u.answer.uptime_ms = (uint32_t)x3;
    } else if (strcmp(kind, "heartbeat") == 0) {
      sscanf(line, "%*s %*u %*u %*u %lu %ld %lu %lu", &x1, &sv, &x3, &x4);
      m.type = FB_HEARTBEAT; m.u.heartbeat.battery = (uint8_t)x1; m.u.heartbeat.rssi = (int8_t)sv;
      m.u.heartbeat.uptime_ms = (uint32_t)x3; m.u.heartbeat.presses = (uint32_t)x4;
    } else if (strcmp(kind, "ack") == 0) {
      sscanf(line, "%*s %*u %*u %*u %lu", &x1);
      m.type = FB_ACK; m.u.ack.up_to = (uint32_t)x1;
    } else if (strcmp(kind, "config") == 0) {
      sscanf(line, "%*s %*u %*u %*u %lu %lu %lu", &x1, &x2, &x3);
      m.type = FB_CONFIG; m.u.config.response_interval_ms = (uint32_t)x1; m.u.config.led = (uint8_t)x2; m.u.config.session_mode = (uint8_t)x3;
    } else if (strcmp(kind, "error") == 0) {
      sscanf(line, "%*s %*u %*u %*u %lu %lu", &x1, &x2);
      m.type = FB_ERROR; m.u.error.code = (uint8_t)x1; m.u.error.rejected_seq = (uint32_t)x2;
    } else {
      return 2;
    }
    n = fb_encode(&m, wire, sizeof wire);
    if (n == 0) return 3;
    for (i = 0; i < n; i++) printf("%02X%s", wire[i], i + 1 < n ? " " : "\n");
  }
  return 0;
}

static void json_text(const char *s) {
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') putchar('\\');
    putchar(*s);
  }
  putchar('"');
}

static int decode(void) {
  static const char *scales[] = {"", "smiley", "nps11", "csat5", "ces7", "csi5", "csi7", "importance5", "importance7", "choice"};
  static const char *errors[] = {"", "unsupportedVersion", "unknownType", "unknownDevice", "badValue", "busy"};
  fb_parser_t p;
  fb_message_t m;
  int c;
  unsigned long drops = 0;
  size_t i;
  fb_parser_init(&p);
  while ((c = getchar()) != EOF) {
    if (!fb_parser_feed(&p, (uint8_t)c, &m)) continue;
    printf("{\"deviceId\":%lu,\"boot\":%u,\"seq\":%lu,", (unsigned long)m.device_id, m.boot, (unsigned long)m.seq);
    switch (m.type) {
      case FB_HELLO:
        printf("\"type\":\"hello\",\"buttons\":%u,\"scale\":\"%s\",\"model\":", m.u.hello.buttons, scales[m.u.hello.scale]);
        json_text(m.u.hello.model);
        printf(",\"firmware\":");
        json_text(m.u.hello.firmware);
        printf("}\n");
        break;
      case FB_PRESS:
        printf("\"type\":\"press\",\"button\":%u,\"durationMs\":%u,\"uptimeMs\":%lu}\n", m.u.press.button, m.u.press.duration_ms, (unsigned long)m.u.press.uptime_ms);
        break;
      case FB_ANSWER:
        printf("\"type\":\"answer\",\"questionId\":%u,\"value\":%d,\"uptimeMs\":%lu}\n", m.u.answer.question_id, m.u.answer.value, (unsigned long)m.u.answer.uptime_ms);
        break;
      case FB_HEARTBEAT:
        printf("\"type\":\"heartbeat\",\"battery\":%u,\"rssi\":%d,\"uptimeMs\":%lu,\"presses\":%lu}\n", m.u.heartbeat.battery, m.u.heartbeat.rssi,
               (unsigned long)m.u.heartbeat.uptime_ms, (unsigned long)m.u.heartbeat.presses);
        break;
      case FB_ACK:
        printf("\"type\":\"ack\",\"upTo\":%lu}\n", (unsigned long)m.u.ack.up_to);
        break;
      case FB_CONFIG:
        printf("\"type\":\"config\",\"responseIntervalMs\":%lu,\"led\":%s,\"sessionMode\":%s}\n", (unsigned long)m.u.config.response_interval_ms,
               m.u.config.led ? "true" : "false", m.u.config.session_mode ? "true" : "false");
        break;
      case FB_ERROR:
        printf("\"type\":\"error\",\"code\":\"%s\",\"rejectedSeq\":%lu}\n", errors[m.u.error.code], (unsigned long)m.u.error.rejected_seq);
        break;
    }
  }
  for (i = 0; i < FB_DROP_REASONS; i++) drops += p.drops[i];
  printf("{\"drops\":%lu}\n", drops);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "encode") == 0) return encode();
  if (argc == 2 && strcmp(argv[1], "decode") == 0) return decode();
  fprintf(stderr, "usage: fbproto_cli encode|decode\n");
  return 2;
}
