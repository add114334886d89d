/** CPT (five digits, or four and a letter for category II/III) or HCPCS Level II (a letter and four digits). */
export const SERVICE_CODE = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;
