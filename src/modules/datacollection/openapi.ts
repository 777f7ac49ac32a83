/** The data report's part of `/api/openapi.json`: the protected yearly figures (`/api/v1/data/reports/{year}`). */
import { z } from 'zod';
import {
  errorAnswer,
  jsonContent,
  jsonSchema,
  type OpenApiPart,
  pathParameter,
} from '../../platform/http/openapi.ts';
import type { DataReport } from './report.ts';

const protectedCell = z
  .object({ value: z.number().int().nullable(), suppressed: z.boolean() })
  .describe('a figure; value null and suppressed true where disclosure control withholds it');

export const dataReportSchema = z.object({
  year: z.number().int(),
  threshold: z.number().int().describe('k: no published figure counts fewer than k people'),
  codebook: z.string(),
  documented: z.number().int().nullable(),
  released: z.number().int().nullable(),
  tables: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      rows: z.array(z.string()),
      cols: z.array(z.string()),
      cells: z.array(z.array(protectedCell)),
      row_totals: z.array(protectedCell),
      col_totals: z.array(protectedCell),
      total: protectedCell,
      multiple: z.boolean().describe('a multiple-answer variable: columns do not add up to the total'),
    }),
  ),
});

// the report the code produces is what the schema describes (checked when compiling)
const _sameShape: (report: DataReport) => z.input<typeof dataReportSchema> = (report) => report;

const file = (type: string) => ({ [type]: { schema: { type: 'string', contentMediaType: type } } });

export function dataOpenApi(): OpenApiPart {
  return {
    paths: {
      '/api/v1/data/reports/{year}': {
        get: {
          operationId: 'getDataReport',
          summary:
            'The published data report of a year (office, board and admin also read a produced, unpublished one)',
          parameters: [
            pathParameter('year', { type: 'string', pattern: '^\\d{4}$' }),
            {
              name: 'format',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['json', 'pdf', 'xlsx', 'csv'], default: 'json' },
            },
            {
              name: 'lang',
              in: 'query',
              required: false,
              description: 'Labels of the PDF, XLSX and CSV files.',
              schema: { type: 'string', enum: ['de', 'en'], default: 'de' },
            },
          ],
          responses: {
            '200': {
              description: 'The report',
              content: {
                ...jsonContent('DataReport'),
                ...file('application/pdf'),
                ...file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
                ...file('text/csv'),
              },
            },
            '400': errorAnswer('The format is not json, pdf, xlsx or csv'),
            '404': errorAnswer('No published report for this year'),
          },
        },
      },
    },
    schemas: { DataReport: jsonSchema(dataReportSchema) },
  };
}
