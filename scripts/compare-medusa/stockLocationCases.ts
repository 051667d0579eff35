/** `GET /admin/stock-locations` and `GET /admin/stock-locations/{id}` (read-only). */
import { type Case, UNKNOWN_LOCATION } from '#scripts/compare-medusa/model';

const group = 'stock locations';
const list = '/admin/stock-locations';

export const stockLocationCases: Case[] = [
  { group, name: 'locations list default fields', method: 'GET', path: list },
  { group, name: 'locations list fields=id,name', method: 'GET', path: `${list}?fields=id,name` },
  { group, name: 'locations list limit=1&offset=1', method: 'GET', path: `${list}?limit=1&offset=1&fields=id,name` },
  { group, name: 'locations list order=-name', method: 'GET', path: `${list}?order=-name&fields=id,name` },
  { group, name: 'locations list q=warehouse', method: 'GET', path: `${list}?q=warehouse&fields=id,name` },
  { group, name: 'locations list id filter', method: 'GET', path: `${list}?id={L}` },
  { group, name: 'locations list name filter', method: 'GET', path: `${list}?name={LNAME}` },
  { group, name: 'locations list fields=*address', method: 'GET', path: `${list}?id={L}&fields=*address` },
  { group, name: 'locations list fields=name,address.*', method: 'GET', path: `${list}?id={L}&fields=name,address.*` },
  { group, name: 'locations list of none', method: 'GET', path: `${list}?id=${UNKNOWN_LOCATION}` },
  {
    group,
    name: 'locations list order=nope',
    method: 'GET',
    path: `${list}?order=nope`,
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  {
    group,
    name: 'locations list limit=-1',
    method: 'GET',
    path: `${list}?limit=-1`,
    deliberate: 'Medusa answers 500; we answer 400 naming the field',
  },
  { group, name: 'locations list unknown filter', method: 'GET', path: `${list}?nope=1` },
  { group, name: 'location default fields', method: 'GET', path: `${list}/{L}` },
  { group, name: 'location fields=id,name', method: 'GET', path: `${list}/{L}?fields=id,name` },
  { group, name: 'location fields=-name', method: 'GET', path: `${list}/{L}?fields=-name` },
  { group, name: 'location fields=*address', method: 'GET', path: `${list}/{L}?fields=*address` },
  { group, name: 'location fields=id,address', method: 'GET', path: `${list}/{L}?fields=id,address` },
  { group, name: 'location fields=id,nope', method: 'GET', path: `${list}/{L}?fields=id,nope` },
  { group, name: 'unknown location', method: 'GET', path: `${list}/${UNKNOWN_LOCATION}` },
  { group, name: 'locations list without token', method: 'GET', path: list, auth: false },
];
