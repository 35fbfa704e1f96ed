import { z } from 'zod'

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(120, 'Keep your name to 120 characters.'),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address.')),
  password: z.string().min(8, 'Use at least 8 characters.').max(200),
  organizationName: z.string().trim().min(2, 'Enter your organization.')
    .max(200, 'Keep the organization name to 200 characters.'),
  organizationKind: z.enum(['UNIVERSITY', 'COMPANY', 'OTHER']),
})

export type SignUpInput = z.infer<typeof signUpSchema>
