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

	it('asks for the largest page the API allows when returning all', () => {
		expect(pageSizeFor(true, 5)).toBe(100);
		expect(pageSizeFor(false, 5)).toBe(5);
		expect(pageSizeFor(false, 250)).toBe(100);
		expect(pageSizeFor(false, 0)).toBe(1);
	});
});
