import { describe, expect, it } from 'vitest';
import { deviceTopic, parseDeviceTopic, parsePress, parseAck, parseError, MAX_PAYLOAD_BYTES } from '../src/index.ts';

const press = { v: 1, boot: 3, seq: 17, button: 2, buttons: 4, durationMs: 120, uptimeMs: 5000 };

describe('MQTT topics', () => {
  it('round-trips a device topic', () => {
    const topic = deviceTopic('feedback', 'branch-1', 'btn-7', 'press');
    expect(topic).toBe('feedback/branch-1/btn-7/press');
    expect(parseDeviceTopic('feedback', topic)).toEqual({ siteId: 'branch-1', deviceId: 'btn-7', message: 'press' });
  });

  it('rejects other prefixes, gateway messages, extra levels and bad ids', () => {
    expect(parseDeviceTopic('feedback', 'other/s/d/press')).toBeUndefined();
    expect(parseDeviceTopic('feedback', 'feedback/s/d/ack')).toBeUndefined();
    expect(parseDeviceTopic('feedback', 'feedback/s/d/press/x')).toBeUndefined();
    expect(parseDeviceTopic('feedback', 'feedback/s/d$/press')).toBeUndefined();
  });
});

describe('press payloads', () => {
  it('accepts a valid press', () => {
    expect(parsePress(JSON.stringify(press))).toEqual({ ok: true, value: press });
  });

  it.each([
    ['not json', 'malformed-json'],
    ['[1,2]', 'not-an-object'],
    [JSON.stringify({ ...press, seq: -1 }), 'bad-header'],
    [JSON.stringify({ ...press, boot: 1.5 }), 'bad-header'],
    [JSON.stringify({ ...press, seq: 0, button: 9 }), 'bad-button'],
    [JSON.stringify({ ...press, pad: 'x'.repeat(MAX_PAYLOAD_BYTES) }), 'oversize'],
  ])('rejects %s as %s, naming no message (nothing to refuse for good)', (payload, reason) => {
    expect(parsePress(Buffer.from(payload))).toEqual({ ok: false, reason });
  });

  it.each([
    [JSON.stringify({ ...press, v: 2 }), 'unsupported-version'],
    [JSON.stringify({ ...press, buttons: 1 }), 'bad-buttons'],
    [JSON.stringify({ ...press, button: 4 }), 'bad-button'],
    [JSON.stringify({ ...press, durationMs: 'long' }), 'bad-duration'],
    [JSON.stringify({ ...press, uptimeMs: -5 }), 'bad-header'],
  ])('rejects %s as %s, naming its boot and seq so it can be refused for good', (payload, reason) => {
    expect(parsePress(Buffer.from(payload))).toEqual({ ok: false, reason, identity: { boot: press.boot, seq: press.seq } });
  });

  it('parses acks by upTo, and by seq from a gateway of revision 1.0', () => {
    expect(parseAck('{"v":1,"boot":2,"upTo":9,"seq":9}')).toEqual({ ok: true, value: { v: 1, boot: 2, upTo: 9, seq: 9 } });
    expect(parseAck('{"v":1,"boot":2,"seq":9}')).toEqual({ ok: true, value: { v: 1, boot: 2, upTo: 9, seq: 9 } });
    expect(parseAck('{"v":1,"boot":2}').ok).toBe(false);
  });

  it('parses errors, and refuses an unknown code', () => {
    expect(parseError('{"v":1,"boot":2,"code":"badValue","rejectedSeq":9,"reason":"bad-button"}')).toEqual({
      ok: true,
      value: { v: 1, boot: 2, code: 'badValue', rejectedSeq: 9, reason: 'bad-button' },
    });
    expect(parseError('{"v":1,"boot":2,"code":"sorry","rejectedSeq":9}').ok).toBe(false);
  });
});
