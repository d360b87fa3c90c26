export type ReportFormState =
  | { status: 'idle' }
  | {
      status: 'error';
      message: string;
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
      /** How many files were chosen: they must be chosen again, and the form says so. */
      filesChosen: number;
    };
