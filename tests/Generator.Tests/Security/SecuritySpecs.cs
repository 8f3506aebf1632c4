namespace Tether.Generator.Tests.Security;

/// <summary>A small spec of our own with every scheme kind and every shape of requirement.</summary>
internal static class SecuritySpecs
{
    public const string Vault = """
        openapi: 3.1.0
        info: { title: Vault, version: "1.0" }
        servers:
          - url: https://vault.example.com
        security:
          - BearerAuth: []
        components:
          schemas:
            Secret:
              type: object
              properties:
                value: { type: string }
          securitySchemes:
            BearerAuth: { type: http, scheme: bearer, description: Personal access token. }
            AzureKey: { type: apiKey, in: header, name: api-key }
            QueryKey: { type: apiKey, in: query, name: key }
            SessionCookie: { type: apiKey, in: cookie, name: session }
            accountSid_authToken: { type: http, scheme: basic }
            Oauth:
              type: oauth2
              flows:
                clientCredentials: { tokenUrl: "https://vault.example.com/token", scopes: { read: Read } }
            Oidc: { type: openIdConnect, openIdConnectUrl: "https://vault.example.com/.well-known/openid-configuration" }
            DigestAuth: { type: http, scheme: digest }
            ApiKey: { type: apiKey, in: query, name: api_key }
            api_key: { type: apiKey, in: header, name: x-api-key }
            Token: { type: http, scheme: bearer }
            TokenProvider: { type: apiKey, in: header, name: x-token-provider }
        paths:
          /inherits:
            get:
              operationId: inherits
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Secret" }
          /header:
            get: { operationId: header, security: [ { AzureKey: [] } ], responses: { "204": { description: ok } } }
          /query:
            get: { operationId: query, security: [ { QueryKey: [] } ], responses: { "204": { description: ok } } }
          /cookie:
            get: { operationId: cookie, security: [ { SessionCookie: [] } ], responses: { "204": { description: ok } } }
          /basic:
            get: { operationId: basic, security: [ { accountSid_authToken: [] } ], responses: { "204": { description: ok } } }
          /oauth:
            get: { operationId: oauth, security: [ { Oauth: [read] } ], responses: { "204": { description: ok } } }
          /oidc:
            get: { operationId: oidc, security: [ { Oidc: [] } ], responses: { "204": { description: ok } } }
          /and:
            get: { operationId: both, security: [ { AzureKey: [], QueryKey: [] } ], responses: { "204": { description: ok } } }
          /or:
            get: { operationId: either, security: [ { AzureKey: [] }, { accountSid_authToken: [] } ], responses: { "204": { description: ok } } }
          /optional:
            get: { operationId: optional, security: [ { AzureKey: [] }, {} ], responses: { "204": { description: ok } } }
          /none:
            get: { operationId: none, security: [], responses: { "204": { description: ok } } }
          /digest:
            get: { operationId: digest, security: [ { DigestAuth: [] } ], responses: { "204": { description: ok } } }
          /undefined:
            get: { operationId: undefined, security: [ { Missing: [] }, { AzureKey: [] } ], responses: { "204": { description: ok } } }
          /clashes:
            get: { operationId: clashes, security: [ { ApiKey: [] }, { api_key: [] }, { Token: [] }, { TokenProvider: [] } ], responses: { "204": { description: ok } } }
        """;
}
