import { describe, expect, it } from "vitest";

import { call, errorMessage, failure } from "./call.js";

const EVENING = "2018-01-02T23:12:01Z";

describe("formatdate", () => {
  it("writes the RFC formats from Terraform's documentation", () => {
    expect(call("formatdate", "DD MMM YYYY hh:mm ZZZ", EVENING)).toBe("02 Jan 2018 23:12 UTC");
    expect(call("formatdate", "EEEE, DD-MMM-YY hh:mm:ss ZZZ", EVENING)).toBe(
      "Tuesday, 02-Jan-18 23:12:01 UTC",
    );
    expect(call("formatdate", "EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00")).toBe(
      "Tue, 02 Jan 2018 23:12:01 -0800",
    );
    expect(call("formatdate", "MMM DD, YYYY", EVENING)).toBe("Jan 02, 2018");
    expect(call("formatdate", "HH:mmaa", EVENING)).toBe("11:12pm");
  });

  it("writes unpadded fields, 12-hour clocks and offsets", () => {
    expect(call("formatdate", "M/D h:m:s", "2018-03-04T05:06:07Z")).toBe("3/4 5:6:7");
    expect(call("formatdate", "H AA MMMM", "2018-03-04T00:06:07Z")).toBe("12 AM March");
    expect(call("formatdate", "ZZZZZ ZZZZ ZZZ Z", "2018-03-04T00:06:07+05:30")).toBe(
      "+05:30 +0530 +0530 +05:30",
    );
    expect(call("formatdate", "YYYY-MM-DD'T'hh:mm:ssZ", EVENING)).toBe(EVENING);
  });

  it("copies quoted letters and other characters literally", () => {
    expect(call("formatdate", "h'h'mm", "2018-01-02T23:12:01-08:00")).toBe("23h12");
    expect(call("formatdate", "H 'o''clock'", "2018-01-02T23:12:01-08:00")).toBe("11 o'clock");
  });

  it("refuses unknown sequences, open quotes and bad timestamps", () => {
    expect(failure(() => call("formatdate", "YYY", EVENING))).toEqual({
      code: "FUNCTION_CALL",
      message: 'formatdate: "YYY" in "YYY" is not a date format sequence',
      hint: "put literal letters in single quotes, like \"'T'\"",
    });
    expect(errorMessage("formatdate", "'abc", EVENING)).toBe(
      "formatdate: the quote at offset 0 of \"'abc\" is not closed",
    );
    expect(errorMessage("formatdate", "DD", "2018-13-01T00:00:00Z")).toBe(
      'formatdate: expected an RFC 3339 timestamp like "2006-01-02T15:04:05Z" as the second ' +
        'argument, got "2018-13-01T00:00:00Z"',
    );
    expect(errorMessage("formatdate", "DD", "2018-01-02")).toBe(
      'formatdate: expected an RFC 3339 timestamp like "2006-01-02T15:04:05Z" as the second ' +
        'argument, got "2018-01-02"',
    );
  });
});

describe("timeadd", () => {
  it("adds Go durations and keeps the timestamp's offset", () => {
    expect(call("timeadd", "2017-11-22T00:00:00Z", "10m")).toBe("2017-11-22T00:10:00Z");
    expect(call("timeadd", "2017-11-22T00:00:00Z", "-1h30m")).toBe("2017-11-21T22:30:00Z");
    expect(call("timeadd", "2024-01-01T00:00:00+02:00", "1.5h")).toBe("2024-01-01T01:30:00+02:00");
    expect(call("timeadd", "2024-02-28T23:59:59Z", "1s")).toBe("2024-02-29T00:00:00Z");
    expect(call("timeadd", "2024-01-01T00:00:00.5Z", "500ms")).toBe("2024-01-01T00:00:01Z");
  });

  it("refuses durations Go would not read", () => {
    expect(errorMessage("timeadd", "2017-11-22T00:00:00Z", "1d")).toBe(
      'timeadd: expected a duration such as "1h30m" as the second argument, got "1d"',
    );
  });
});

describe("timecmp and timestamp", () => {
  it("timecmp compares instants across offsets", () => {
    expect(call("timecmp", "2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z")).toBe(0);
    expect(call("timecmp", "2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z")).toBe(-1);
    expect(call("timecmp", "2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z")).toBe(1);
    expect(call("timecmp", "2017-11-22T01:00:00Z", "2017-11-22T00:00:00-01:00")).toBe(0);
    expect(call("timecmp", "2017-11-22T00:00:00.1Z", "2017-11-22T00:00:00Z")).toBe(1);
  });

  it("timestamp gives the current UTC time in RFC 3339", () => {
    const now = String(call("timestamp"));
    expect(now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(5_000);
  });
});
