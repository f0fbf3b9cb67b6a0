import { pageSizeFor, parseListPage } from '../../nodes/Billoget/shared/pagination';

describe('list envelopes', () => {
	it('reads the documented envelope and its hasMore flag', () => {
		const page = parseListPage({ data: [{ id: 1 }], pagination: { page: 1, limit: 1, total: 3, hasMore: true } }, 1, 1);
		expect(page).toEqual({ items: [{ id: 1 }], hasMore: true, total: 3 });
		const last = parseListPage({ data: [{ id: 3 }], pagination: { page: 3, limit: 1, total: 3, hasMore: false } }, 3, 1);
		expect(last.hasMore).toBe(false);
	});

	it('derives hasMore from total when the flag is missing', () => {
		expect(parseListPage({ data: [{ id: 1 }, { id: 2 }], pagination: { total: 5 } }, 1, 2).hasMore).toBe(true);
		expect(parseListPage({ data: [{ id: 5 }], pagination: { total: 5 } }, 3, 2).hasMore).toBe(false);
	});

	it('reads the SDK envelope by totalPages and currentPage', () => {
		const body = {
			data: {
				data: [{ id: 1 }, { id: 2 }],
				meta: { totalItems: 5, itemCount: 2, itemsPerPage: 2, totalPages: 3, currentPage: 2 },
			},
		};
		expect(parseListPage(body, 2, 2)).toEqual({ items: [{ id: 1 }, { id: 2 }], hasMore: true, total: 5 });
		body.data.meta.currentPage = 3;
		expect(parseListPage(body, 3, 2).hasMore).toBe(false);
	});

	it('treats plain arrays as one last page', () => {
		expect(parseListPage([{ id: 1 }], 1, 100)).toEqual({ items: [{ id: 1 }], hasMore: false, total: 1 });
		expect(parseListPage({ data: [{ id: 1 }] }, 1, 100).hasMore).toBe(false);
	});

	it('never asks for another page after an empty one', () => {
		expect(parseListPage({ data: [], pagination: { hasMore: true } }, 4, 100).hasMore).toBe(false);
	});

	it('rejects answers that are not lists', () => {
		expect(() => parseListPage({ message: 'hi' }, 1, 10)).toThrow('without a "data" list');
		expect(() => parseListPage('nope', 1, 10)).toThrow('not a list');
	});

	it('without a flag or a total, asks again only after a full page', () => {
		const two = [{ id: 1 }, { id: 2 }];
		expect(parseListPage({ data: two, pagination: { page: 1 } }, 1, 2)).toEqual({ items: two, hasMore: true, total: undefined });
		expect(parseListPage({ data: two, pagination: { page: 1 } }, 1, 3).hasMore).toBe(false);
		expect(parseListPage({ data: two, pagination: { total: 'many' } }, 1, 2).hasMore).toBe(true);
		expect(parseListPage({ data: two, pagination: { total: null } }, 1, 2)).toEqual({ items: two, hasMore: true, total: undefined });
		expect(parseListPage({ data: two, pagination: { total: true } }, 1, 2).total).toBeUndefined();
		expect(parseListPage({ data: { data: two } }, 1, 2)).toEqual({ items: two, hasMore: true, total: undefined });
		expect(parseListPage({ data: { data: two, meta: {} } }, 1, 3).hasMore).toBe(false);
		expect(parseListPage({ data: { data: two, meta: 'none' } }, 1, 2).hasMore).toBe(true);
	});

	it('stops when the pages requested so far reach the total exactly', () => {
		const two = [{ id: 3 }, { id: 4 }];
		expect(parseListPage({ data: two, pagination: { total: 4 } }, 2, 2)).toEqual({ items: two, hasMore: false, total: 4 });
		expect(parseListPage({ data: two, pagination: { total: '5' } }, 2, 2)).toEqual({ items: two, hasMore: true, total: 5 });
		expect(parseListPage({ data: { data: two, meta: { totalItems: 4 } } }, 2, 2)).toEqual({ items: two, hasMore: false, total: 4 });
		expect(parseListPage({ data: { data: two, meta: { totalItems: '5' } } }, 2, 2)).toEqual({ items: two, hasMore: true, total: 5 });
	});

	it('believes an explicit hasMore flag over the total', () => {
		expect(parseListPage({ data: [{ id: 1 }], pagination: { total: 10, hasMore: false } }, 1, 1).hasMore).toBe(false);
		expect(parseListPage({ data: [{ id: 1 }], pagination: { total: 1, hasMore: true } }, 1, 1).hasMore).toBe(true);
		expect(parseListPage({ data: [{ id: 1 }], pagination: { total: 10, hasMore: 'false' } }, 1, 1).hasMore).toBe(true);
	});

	it('reads a pagination that is not an object as none: one last page', () => {
		for (const pagination of [null, [1], 'page 1']) {
			expect(parseListPage({ data: [{ id: 1 }], pagination }, 1, 1)).toEqual({ items: [{ id: 1 }], hasMore: false, total: 1 });
		}
	});

	it('in the SDK envelope, reads the page count before the total, and the requested page when none is echoed', () => {
		const two = [{ id: 1 }, { id: 2 }];
		expect(parseListPage({ data: { data: two, meta: { totalPages: '3', currentPage: '3', totalItems: 99 } } }, 1, 2)).toEqual({
			items: two,
			hasMore: false,
			total: 99,
		});
		expect(parseListPage({ data: { data: two, meta: { totalPages: 3 } } }, 2, 2).hasMore).toBe(true);
		expect(parseListPage({ data: { data: two, meta: { totalPages: 3 } } }, 3, 2).hasMore).toBe(false);
		expect(parseListPage({ data: { data: [], meta: { totalPages: 3, currentPage: 1 } } }, 1, 2).hasMore).toBe(false);
		expect(parseListPage({ data: { data: two, meta: { totalPages: Infinity, totalItems: 2 } } }, 1, 2).hasMore).toBe(false);
	});

	it('counts a bare array as the total', () => {
		expect(parseListPage([], 1, 10)).toEqual({ items: [], hasMore: false, total: 0 });
		expect(parseListPage([1, 2, 3], 1, 2)).toEqual({ items: [1, 2, 3], hasMore: false, total: 3 });
	});

	it('rejects an envelope whose data is neither a list nor an object holding one', () => {
		expect(() => parseListPage(null, 1, 10)).toThrow('Billoget answered a list request with something that is not a list');
		expect(() => parseListPage({ data: { data: 'x' } }, 1, 10)).toThrow('Billoget answered a list request without a "data" list');
		expect(() => parseListPage({ data: { items: [] } }, 1, 10)).toThrow('without a "data" list');
		expect(() => parseListPage({ data: 'rows' }, 1, 10)).toThrow('without a "data" list');
	});

	it('asks for the largest page the API allows when returning all', () => {
		expect(pageSizeFor(true, 5)).toBe(100);
		expect(pageSizeFor(false, 5)).toBe(5);
		expect(pageSizeFor(false, 250)).toBe(100);
		expect(pageSizeFor(false, 0)).toBe(1);
		expect(pageSizeFor(false, 7.9)).toBe(7);
		expect(pageSizeFor(false, 100)).toBe(100);
		expect(pageSizeFor(true, 0)).toBe(100);
	});
});
