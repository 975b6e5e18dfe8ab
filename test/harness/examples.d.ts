export interface ExampleWorkflow {
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
}

export function readExamples(): Array<[string, ExampleWorkflow]>;
