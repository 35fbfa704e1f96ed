// The demo accounts printed in the README. Known passwords: demo data only.
export const DEMO_PASSWORD = 'tandem-demo'

export const DEMO_ORGANIZATIONS = {
  university: { name: 'Lakeside University', kind: 'UNIVERSITY' },
  company: { name: 'Northwind Logistics', kind: 'COMPANY' },
} as const

export const DEMO_USERS = {
  researcher: {
    email: 'researcher@lakeside.example',
    name: 'Li Wei',
    organization: 'university',
    orgRole: 'MEMBER',
  },
  industry: {
    email: 'rnd@northwind.example',
    name: 'Anna Schmidt',
    organization: 'company',
    orgRole: 'ADMIN',
  },
  steward: {
    email: 'steward@northwind.example',
    name: 'Omar Haddad',
    organization: 'company',
    orgRole: 'STEWARD',
  },
  student: {
    email: 'student@lakeside.example',
    name: 'Chen Jing',
    organization: 'university',
    orgRole: 'MEMBER',
  },
} as const

export const DEMO_PROJECT_TITLE = 'Handwritten digit reading for parcel sorting'
