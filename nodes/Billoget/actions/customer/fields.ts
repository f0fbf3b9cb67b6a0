import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, toEmail, toNumber, toText } from '../parameters';
import { ENDPOINTS } from '../../transport/endpoints';
import type { RecordSpec } from '../recordOperations';

export const CUSTOMER: RecordSpec = {
	path: ENDPOINTS.customers,
	label: 'customer',
	idParameter: 'customerId',
};

/** The optional customer fields, shared by Create, Update and Create or Update. */
export const customerFieldOptions: INodeProperties[] = [
	{
		displayName: 'CUIT',
		name: 'cuit',
		type: 'string',
		default: '',
		placeholder: 'e.g. 20-12345678-9',
		description: 'Argentine tax ID (11 digits, dashes optional)',
	},
	{
		displayName: 'DNI',
		name: 'dni',
		type: 'string',
		default: '',
		placeholder: 'e.g. 30123456',
		description: 'National identity document number (digits only)',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: "The customer's email address",
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +54 11 5555-0101',
	},
];

export function optionalCustomerFields(exclude: string[]): INodeProperties[] {
	return customerFieldOptions.filter((field) => !exclude.includes(field.name));
}

export function normaliseDni(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): number | undefined {
	const value = toNumber(ctx, typeof raw === 'string' ? raw.replace(/\./g, '') : raw, itemIndex, 'DNI', {
		integer: true,
		min: 1,
	});
	return value;
}

export function normaliseCuit(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): string | undefined {
	const text = toText(ctx, raw, itemIndex, 'CUIT', false);
	if (text === undefined) return undefined;
	const digits = text.replace(/[-\s.]/g, '');
	if (!/^\d{11}$/.test(digits)) {
		throw invalid(ctx, itemIndex, `CUIT "${text}" is not valid`, 'A CUIT has 11 digits, e.g. 20-12345678-9.');
	}
	return `${digits.slice(0, 2)}-${digits.slice(2, 10)}-${digits.slice(10)}`;
}

/** Validates and shapes customer fields into Billoget's body (only the fields given). */
export function customerBody(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	const firstName = toText(ctx, fields.firstName, itemIndex, 'First Name', false);
	const lastName = toText(ctx, fields.lastName, itemIndex, 'Last Name', false);
	const email = toEmail(ctx, fields.email, itemIndex);
	const phoneNumber = toText(ctx, fields.phoneNumber, itemIndex, 'Phone Number', false);
	const dni = normaliseDni(ctx, fields.dni, itemIndex);
	const cuit = normaliseCuit(ctx, fields.cuit, itemIndex);
	if (firstName !== undefined) body.firstName = firstName;
	if (lastName !== undefined) body.lastName = lastName;
	if (email !== undefined) body.email = email;
	if (phoneNumber !== undefined) body.phoneNumber = phoneNumber;
	if (dni !== undefined) body.dni = dni;
	if (cuit !== undefined) body.cuit = cuit;
	return body;
}
