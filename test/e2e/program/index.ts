// Test program: declares the credentials described by the `credentials` stack config object.
import * as pulumi from "@pulumi/pulumi";
import { Credential, type CredentialArgs } from "pulumi-sftp-partners";

const config = new pulumi.Config();
const specs = config.requireObject<Record<string, CredentialArgs>>("credentials");
const created = Object.entries(specs).map(([name, args]) => new Credential(name, args));

export const ids = Object.fromEntries(created.map((c, i) => [Object.keys(specs)[i], c.id]));
export const usernames = Object.fromEntries(created.map((c, i) => [Object.keys(specs)[i], c.userName]));
export const passwords = Object.fromEntries(created.map((c, i) => [Object.keys(specs)[i], c.password]));
