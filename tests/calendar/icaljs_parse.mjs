// Parse an iCalendar feed from stdin with Mozilla's ical.js (Thunderbird's parser) and
// print its events and to-dos as JSON, for tests/calendar to assert on.
import ICAL from "ical.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString("utf8");

const calendar = new ICAL.Component(ICAL.parse(text));
const value = (component, name) => {
  const v = component.getFirstPropertyValue(name);
  return v === null || v === undefined ? null : v.toString();
};
const describe = (component) => ({
  type: component.name,
  uid: value(component, "uid"),
  summary: value(component, "summary"),
  description: value(component, "description"),
  dtstart: value(component, "dtstart"),
  dtend: value(component, "dtend"),
  due: value(component, "due"),
  status: value(component, "status"),
  sequence: component.getFirstPropertyValue("sequence"),
  last_modified: value(component, "last-modified"),
  categories: component.getAllProperties("categories").flatMap((p) => p.getValues()),
  url: value(component, "url"),
  alarms: component.getAllSubcomponents("valarm").map((a) => value(a, "trigger")),
});

const result = {
  calname: value(calendar, "x-wr-calname"),
  refresh: value(calendar, "refresh-interval"),
  method: value(calendar, "method"),
  items: [...calendar.getAllSubcomponents("vevent"), ...calendar.getAllSubcomponents("vtodo")]
    .map(describe),
};
process.stdout.write(JSON.stringify(result));
